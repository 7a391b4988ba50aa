import { HttpClient, httpResource, HttpResourceRef } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { API_PREFIX, FieldCreate, FieldNode, FieldUpdate, SynonymGroup, SynonymRelation } from '@xkx/contracts';
import { Observable } from 'rxjs';

const FIELDS = `/${API_PREFIX}/fields`;
const SYNONYMS = `/${API_PREFIX}/synonyms`;

/** Administrators' edits of the technology-field tree and the synonym groups (each change audited by the API). */
@Injectable({ providedIn: 'root' })
export class TaxonomyAdminApiService {
  private readonly http = inject(HttpClient);

  /** The whole tree, inactive fields included. */
  treeResource(): HttpResourceRef<FieldNode[] | undefined> {
    return httpResource<FieldNode[]>(() => ({ url: FIELDS, params: { all: 'true' } }));
  }

  createField(body: FieldCreate): Observable<FieldNode> {
    return this.http.post<FieldNode>(FIELDS, body);
  }

  updateField(code: string, body: FieldUpdate): Observable<FieldNode> {
    return this.http.patch<FieldNode>(`${FIELDS}/${encodeURIComponent(code)}`, body);
  }

  synonymsResource(): HttpResourceRef<{ groups: SynonymGroup[] } | undefined> {
    return httpResource<{ groups: SynonymGroup[] }>(() => SYNONYMS);
  }

  createSynonymGroup(terms: string[], relation: SynonymRelation = SynonymRelation.EQUIVALENT): Observable<SynonymGroup> {
    return this.http.post<SynonymGroup>(SYNONYMS, { terms, relation });
  }

  updateSynonymGroup(id: string, terms: string[], version: number, relation?: SynonymRelation): Observable<SynonymGroup> {
    return this.http.patch<SynonymGroup>(`${SYNONYMS}/${id}`, { terms, version, ...(relation ? { relation } : {}) });
  }

  deleteSynonymGroup(id: string): Observable<void> {
    return this.http.delete<void>(`${SYNONYMS}/${id}`);
  }
}
