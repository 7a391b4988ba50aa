import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import {
  API_PREFIX,
  ApiPath,
  ExpertDetail,
  ExpertImportResult,
  ExpertInput,
  ExpertList,
  ExpertListQuery,
  ExpertMatchList,
  Introduction,
  IntroductionRequest,
  LaboratoryDetail,
  LaboratoryList,
  LaboratoryListQuery,
  LaboratoryMatchList,
} from '@xkx/contracts';
import { saveBlob } from '@xkx/web/data-access';
import { map, Observable } from 'rxjs';

const EXPERTS = `/${API_PREFIX}/${ApiPath.experts}`;
const LABS = `/${API_PREFIX}/${ApiPath.laboratories}`;

function params(query: object): HttpParams {
  let p = new HttpParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== null && value !== '') p = p.set(key, String(value));
  return p;
}

/** /api/experts, /api/laboratories, a need's expert and laboratory matches, and 对接 with either (issue 16). */
@Injectable({ providedIn: 'root' })
export class PeopleApiService {
  private readonly http = inject(HttpClient);

  experts(query: ExpertListQuery): Observable<ExpertList> {
    return this.http.get<ExpertList>(EXPERTS, { params: params(query) });
  }

  expert(id: string): Observable<ExpertDetail> {
    return this.http.get<ExpertDetail>(`${EXPERTS}/${id}`);
  }

  /** The caller's own profile (404 until they create one). */
  myProfile(): Observable<ExpertDetail> {
    return this.http.get<ExpertDetail>(`${EXPERTS}/me`);
  }

  createProfile(input: ExpertInput): Observable<ExpertDetail> {
    return this.http.post<ExpertDetail>(EXPERTS, input);
  }

  updateProfile(id: string, changes: Partial<ExpertInput> & { version: number }): Observable<ExpertDetail> {
    return this.http.patch<ExpertDetail>(`${EXPERTS}/${id}`, changes);
  }

  /** Saves the brokers' .xlsx template of the expert import. */
  downloadExpertTemplate(): Observable<void> {
    return this.http
      .get(`${EXPERTS}/import-template`, { responseType: 'blob', observe: 'response' })
      .pipe(map((response) => saveBlob(response, 'experts-template.xlsx')));
  }

  /** A filled-in template: all rows stored, or a 400 whose `rowErrors` name every refused cell. */
  importExperts(file: File): Observable<ExpertImportResult> {
    const body = new FormData();
    body.append('file', file, file.name);
    return this.http.post<ExpertImportResult>(`${EXPERTS}/import`, body);
  }

  laboratories(query: LaboratoryListQuery): Observable<LaboratoryList> {
    return this.http.get<LaboratoryList>(LABS, { params: params(query) });
  }

  laboratory(id: string): Observable<LaboratoryDetail> {
    return this.http.get<LaboratoryDetail>(`${LABS}/${id}`);
  }

  expertMatches(needId: string): Observable<ExpertMatchList> {
    return this.http.get<ExpertMatchList>(`/${API_PREFIX}/needs/${needId}/expert-matches`);
  }

  laboratoryMatches(needId: string): Observable<LaboratoryMatchList> {
    return this.http.get<LaboratoryMatchList>(`/${API_PREFIX}/needs/${needId}/laboratory-matches`);
  }

  /** 申请对接 with an expert or a laboratory, naming the need and the contract type in mind. */
  requestIntroduction(request: IntroductionRequest): Observable<Introduction> {
    return this.http.post<Introduction>(`/${API_PREFIX}/introductions`, request);
  }
}
