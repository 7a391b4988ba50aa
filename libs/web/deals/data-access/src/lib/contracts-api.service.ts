import { HttpClient, httpResource, HttpResourceRef } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import {
  AmendmentInput,
  API_PREFIX,
  Contract,
  ContractInput,
  ContractType,
  OrganizationDetail,
  PaymentInput,
  RegistrationField,
  RegistrationInput,
} from '@xkx/contracts';
import { Observable } from 'rxjs';

const BASE = `/${API_PREFIX}/contracts`;

/**
 * /api/contracts (技术合同): brokers record, edit, register and collect (contract:manage); the deal's
 * parties read. Contract types and registration fields come from the API as data.
 */
@Injectable({ providedIn: 'root' })
export class ContractsApiService {
  private readonly http = inject(HttpClient);

  /** The active types, loaded while `enabled` (only the contract form needs them). */
  typesResource(enabled: () => boolean = () => true): HttpResourceRef<ContractType[] | undefined> {
    return httpResource<ContractType[]>(() => (enabled() ? `/${API_PREFIX}/contract-types` : undefined));
  }

  registrationFieldsResource(): HttpResourceRef<RegistrationField[] | undefined> {
    return httpResource<RegistrationField[]>(() => `/${API_PREFIX}/registration-fields`);
  }

  contractResource(id: () => string | null | undefined): HttpResourceRef<Contract | undefined> {
    return httpResource<Contract>(() => {
      const current = id();
      return current ? `${BASE}/${current}` : undefined;
    });
  }

  /** A deal's institution or enterprise, to fill a contract party (public route). */
  organizationResource(id: () => string | null | undefined): HttpResourceRef<OrganizationDetail | undefined> {
    return httpResource<OrganizationDetail>(() => {
      const current = id();
      return current ? `/${API_PREFIX}/organizations/${current}` : undefined;
    });
  }

  create(dealId: string, body: ContractInput): Observable<Contract> {
    return this.http.post<Contract>(BASE, { dealId, ...body });
  }

  /** With the version read; a stale one is refused with 409 VERSION_CONFLICT. */
  update(id: string, version: number, body: ContractInput): Observable<Contract> {
    return this.http.patch<Contract>(`${BASE}/${id}`, { version, ...body });
  }

  /** 实际到账; refused (400 PAYMENT_EXCEEDS_CONTRACT) beyond the contract amount. */
  recordPayment(id: string, body: PaymentInput): Observable<Contract> {
    return this.http.post<Contract>(`${BASE}/${id}/payments`, body);
  }

  amend(id: string, version: number, body: Omit<AmendmentInput, 'version'>): Observable<Contract> {
    return this.http.post<Contract>(`${BASE}/${id}/amendments`, { version, ...body });
  }

  updateRegistration(
    id: string,
    version: number,
    body: Omit<RegistrationInput, 'version'>,
  ): Observable<Contract> {
    return this.http.put<Contract>(`${BASE}/${id}/registration`, { version, ...body });
  }
}
