/**
 * The fixed part of the fixtures: two organizations with their teams (Dex groups), workspaces and
 * templates. Their ids are constants (the spec's examples use them), as in Terrakube's own demo data;
 * only the jobs are drawn from the seed.
 */
import { encodeFlow, type FlowStep } from './flow.js';
import type { OrganizationRecord, TeamRecord, TemplateRecord, WorkspaceRecord } from './model.js';

export const ORG = {
  platform: 'd47a7832-b5b8-4aa5-ab04-8e6e540905c1',
  data: '4d8f1a8a-294a-4aff-9700-a3813fb4a21b',
} as const;

export const WS = {
  networking: '91457dc2-caa4-41b8-bfa8-fcd182e64ee0',
  eks: 'b99d51d3-0761-4947-b5f4-c7908330c2ae',
  iam: '4e1b5855-b1f6-4707-a0a0-ef9f321fb444',
  dns: 'aa63b8e0-8599-4122-b2a2-3b9165e118da',
  observability: '42c6c293-369e-4a75-be86-3327bf687e37',
  featureStore: '62f70911-b202-47a8-8751-2cf62822f8a3',
  databricks: '83935200-765a-40f7-8713-e0341627906e',
  sandbox: 'fe8830ed-26f8-4c09-a1bb-81e6a3a6f281',
} as const;

export const TEMPLATE = {
  platformPlanApply: '2c485ad6-170c-4bae-af5a-25d4f9e9db7c',
  platformPlan: 'b0f7085d-5f50-4238-bfad-5306daca2176',
  platformDestroy: '64d44341-401a-4538-9008-3b913d950212',
  dataPlanApply: 'e2d217c5-29f2-4937-b9c7-e75e55757d71',
  dataPlan: '5b8c10d1-8246-431c-b089-3369ca91a19b',
  dataApply: '5a0817e4-68c8-46cb-a6d6-e672844b0915',
} as const;

export const ORGANIZATIONS: readonly OrganizationRecord[] = [
  { id: ORG.platform, name: 'platform-engineering', description: 'Shared cloud foundations: networks, clusters, identity, DNS and observability', disabled: false, executionMode: 'remote', icon: 'cloud' },
  { id: ORG.data, name: 'data-science', description: 'Feature store and notebook platforms for the data science teams', disabled: false, executionMode: 'remote', icon: 'experiment' },
];

export const TEAMS: readonly TeamRecord[] = [
  { organizationId: ORG.platform, name: 'PLATFORM_ADMINS', manageJob: true },
  { organizationId: ORG.platform, name: 'PLATFORM_APPROVERS', manageJob: false },
  { organizationId: ORG.platform, name: 'PLATFORM_VIEWERS', manageJob: false },
  { organizationId: ORG.data, name: 'DATA_SCIENCE', manageJob: true },
];

const planApply = (team: string): FlowStep[] => [
  { type: 'terraformPlan', name: 'Plan', step: 100 },
  { type: 'approval', name: 'Approve Plan', step: 150, team },
  { type: 'terraformApply', name: 'Apply', step: 200 },
];

export const TEMPLATES: readonly TemplateRecord[] = [
  { id: TEMPLATE.platformPlanApply, organizationId: ORG.platform, name: 'Plan and apply', tcl: encodeFlow(planApply('PLATFORM_APPROVERS')) },
  { id: TEMPLATE.platformPlan, organizationId: ORG.platform, name: 'Plan', tcl: encodeFlow([{ type: 'terraformPlan', name: 'Plan', step: 100 }]) },
  {
    id: TEMPLATE.platformDestroy,
    organizationId: ORG.platform,
    name: 'Destroy',
    tcl: encodeFlow([
      { type: 'terraformPlanDestroy', name: 'Plan Destroy', step: 100 },
      { type: 'approval', name: 'Approve Destroy', step: 150, team: 'PLATFORM_APPROVERS' },
      { type: 'terraformDestroy', name: 'Destroy', step: 200 },
    ]),
  },
  { id: TEMPLATE.dataPlanApply, organizationId: ORG.data, name: 'Plan and apply', tcl: encodeFlow(planApply('DATA_SCIENCE')) },
  { id: TEMPLATE.dataPlan, organizationId: ORG.data, name: 'Plan', tcl: encodeFlow([{ type: 'terraformPlan', name: 'Plan', step: 100 }]) },
  {
    id: TEMPLATE.dataApply,
    organizationId: ORG.data,
    name: 'Apply without approval',
    tcl: encodeFlow([
      { type: 'terraformPlan', name: 'Plan', step: 100 },
      { type: 'terraformApply', name: 'Apply', step: 200 },
    ]),
  },
];

type WorkspaceSeed = Pick<WorkspaceRecord, 'id' | 'organizationId' | 'name' | 'description' | 'source' | 'folder' | 'iacType' | 'terraformVersion' | 'locked' | 'defaultTemplate'>;

export const WORKSPACES: readonly WorkspaceSeed[] = [
  { id: WS.networking, organizationId: ORG.platform, name: 'networking-prod', description: 'Production VPCs, transit gateway and NAT', source: 'https://github.com/platform-eng/terraform-aws-networking.git', folder: '/envs/prod', iacType: 'terraform', terraformVersion: '1.9.8', locked: false, defaultTemplate: TEMPLATE.platformPlanApply },
  { id: WS.eks, organizationId: ORG.platform, name: 'eks-cluster-staging', description: 'Staging EKS cluster and node groups', source: 'https://github.com/platform-eng/terraform-aws-eks.git', folder: '/clusters/staging', iacType: 'terraform', terraformVersion: '1.9.8', locked: false, defaultTemplate: TEMPLATE.platformPlanApply },
  { id: WS.iam, organizationId: ORG.platform, name: 'iam-baseline', description: 'Account baseline roles and SSO permission sets (locked during the audit)', source: 'https://github.com/platform-eng/terraform-aws-iam-baseline.git', folder: '/', iacType: 'terraform', terraformVersion: '1.8.5', locked: true, defaultTemplate: TEMPLATE.platformPlanApply },
  { id: WS.dns, organizationId: ORG.platform, name: 'dns-zones', description: 'Route 53 public and private hosted zones', source: 'https://github.com/platform-eng/terraform-dns.git', folder: '/', iacType: 'tofu', terraformVersion: '1.8.3', locked: false, defaultTemplate: TEMPLATE.platformPlanApply },
  { id: WS.observability, organizationId: ORG.platform, name: 'observability-stack', description: 'Grafana, Loki and Prometheus on the shared cluster', source: 'https://github.com/platform-eng/terraform-observability.git', folder: '/stack', iacType: 'terraform', terraformVersion: '1.9.8', locked: false, defaultTemplate: TEMPLATE.platformPlanApply },
  { id: WS.sandbox, organizationId: ORG.platform, name: 'sandbox-dev', description: 'Scratch space for trying modules before they reach a real environment', source: 'https://github.com/platform-eng/terraform-sandbox.git', folder: '/', iacType: 'terraform', terraformVersion: '1.9.8', locked: false, defaultTemplate: TEMPLATE.platformPlan },
  { id: WS.featureStore, organizationId: ORG.data, name: 'ml-feature-store', description: 'Feast feature store on Redis and S3', source: 'https://github.com/data-science/terraform-feature-store.git', folder: '/', iacType: 'terraform', terraformVersion: '1.9.8', locked: false, defaultTemplate: TEMPLATE.dataApply },
  { id: WS.databricks, organizationId: ORG.data, name: 'databricks-workspace', description: 'Databricks workspace, clusters and Unity Catalog', source: 'https://github.com/data-science/terraform-databricks.git', folder: '/workspace', iacType: 'terraform', terraformVersion: '1.9.8', locked: false, defaultTemplate: TEMPLATE.dataPlanApply },
];
