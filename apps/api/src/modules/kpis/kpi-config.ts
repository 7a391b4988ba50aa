import { SubsidyClaimantKind } from '@xkx/contracts';

/** One claimant kind's rule: a rate in basis points of the money received, and a cap per claimant per year. */
export interface SubsidyRule {
  rateBp: number;
  capFen: number;
}

/**
 * The KPI configuration: Nanjing's transfer-subsidy rules (rates "up to", caps per claimant per year),
 * who claims when an agency and its broker both could, and the R&D growth target. Typed, with the
 * documented defaults (docs/KPI.md); tests and deployments replace it through the KPI_CONFIG provider.
 */
export interface KpiConfig {
  subsidy: Record<SubsidyClaimantKind, SubsidyRule>;
  /** AGENCY: the broker's agency claims and the broker does not; BROKER: the broker claims and the agency does not. */
  agencyBrokerPriority: 'AGENCY' | 'BROKER';
  /** Growth of R&D spending a key monitored enterprise should reach, in percent. */
  rndGrowthTargetPercent: number;
}

export const DEFAULT_KPI_CONFIG: KpiConfig = {
  subsidy: {
    AGENCY: { rateBp: 200, capFen: 50_000_000 },
    ENTERPRISE: { rateBp: 500, capFen: 100_000_000 },
    BROKER: { rateBp: 100, capFen: 5_000_000 },
  },
  agencyBrokerPriority: 'AGENCY',
  rndGrowthTargetPercent: 10,
};

export const KPI_CONFIG = Symbol('KPI_CONFIG');
