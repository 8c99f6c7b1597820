import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuthUser } from '@gcm/accounts';
import { FrameworkService } from '@gcm/framework';
import {
  assertVersion, AuditService, DomainError, expectedVersion, FieldError, IdempotencyService, requireVersion, updateVersionedEntity, VersionOnlyDto,
} from '@gcm/platform';
import { DataSource, EntityManager } from 'typeorm';
import { formatReference, PledgeContent } from '../domain/pledge-content';
import { contentToInput, mergePatch, normaliseContent, PledgeContentInput, submissionErrors } from '../domain/pledge-normaliser';
import { nextPledgeStatus } from '../domain/pledge-status';
import { CreatePledgeDto, UpdatePledgeDto, WithdrawPledgeDto } from '../dto/pledge.dto';
import { Pledge } from '../entities/pledge.entity';
import { PledgeVersion } from '../entities/pledge-version.entity';
import { authorOrganisation, ownsPledge, seesWorkingCopy } from './pledge-access';
import { assertContentIntegrity } from './pledge-integrity';
import { loadWorkspaceView, PledgeWorkspaceView } from './pledge-workspace.view';

type Contact = CreatePledgeDto['contact'];

/** A new pledge is written, unless it says otherwise, in its organisation's language. */
async function organisationLanguage(m: EntityManager, organisationId: string): Promise<string> {
  const [row] = await m.query('SELECT language FROM organisation WHERE id = $1', [organisationId]);
  return (row?.language as string | undefined) ?? 'en';
}

const contactColumns = (c: Contact) => ({ contactName: c?.name ?? null, contactEmail: c?.email ?? null });
const claimedIds = (input: Pick<PledgeContentInput, 'indicators'>) =>
  (input.indicators ?? []).map((i) => i.id).filter((id): id is string => typeof id === 'string');

/**
 * The focal point's side of a pledge: draft, edit, submit, withdraw. Catalogue
 * reads happen before the transaction opens, so a transaction never waits for
 * a second pooled connection (50 parallel edits must not starve the pool).
 */
@Injectable()
export class PledgeWorkspaceService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly framework: FrameworkService,
    private readonly audit: AuditService,
    private readonly idempotency: IdempotencyService,
  ) {}

  private async checked(input: PledgeContentInput, extra: FieldError[] = [], forSubmission = false): Promise<PledgeContent> {
    const { content, errors } = await this.normalise(input);
    const all = [...extra, ...errors, ...(forSubmission ? submissionErrors(content) : [])];
    if (all.length) throw DomainError.invalidFields(all);
    return content;
  }

  async create(user: AuthUser, dto: CreatePledgeDto, key?: string): Promise<{ value: PledgeWorkspaceView; replayed: boolean }> {
    const organisationId = authorOrganisation(user);
    const { contact, ...input } = dto;
    input.language ??= await organisationLanguage(this.dataSource.manager, organisationId);
    const content = await this.checked(input);
    return this.idempotency.run({ key, userId: user.id, scope: 'pledges.create', request: dto }, async (m) => {
      const id = await this.insertDraft(m, user.id, organisationId, content, contact, claimedIds(input));
      return loadWorkspaceView(m, id);
    });
  }

  /** Normalises content against the catalogue; the field errors, not thrown (a bulk import reports them by row). */
  async normalise(input: PledgeContentInput): Promise<{ content: PledgeContent; errors: FieldError[] }> {
    const { version, snapshot } = await this.framework.catalogue();
    return normaliseContent(input, snapshot, version, randomUUID);
  }

  /** A new draft of an organisation, audited, in the caller's transaction (a create, or one row of a bulk import). */
  async insertDraft(
    m: EntityManager, userId: string, organisationId: string, content: PledgeContent, contact: Contact, claimed: string[] = [], via?: string,
  ): Promise<string> {
    await assertContentIntegrity(m, content, { pledgeId: null, leadOrganisationId: organisationId, claimedIndicatorIds: claimed, knownIndicatorIds: [] });
    const [{ seq }] = await m.query("SELECT nextval('pledge_reference_seq')::int AS seq");
    const id = randomUUID();
    const reference = formatReference(new Date().getUTCFullYear(), seq);
    await m.insert(Pledge, { id, reference, leadOrganisationId: organisationId, status: 'draft', working: content, createdBy: userId, ...contactColumns(contact) });
    await this.audit.record(m, {
      action: 'pledge.create', entityType: 'pledge', entityId: id,
      after: { reference, status: 'draft', working: content, ...contactColumns(contact), ...(via ? { via } : {}) },
    });
    return id;
  }

  /** The working view for its owner or the secretariat; null for anyone else (who gets the public record, if any). */
  async view(user: AuthUser | null | undefined, id: string): Promise<PledgeWorkspaceView | null> {
    const row = await this.dataSource.manager.findOneBy(Pledge, { id });
    if (!row || !seesWorkingCopy(user, row.leadOrganisationId)) return null;
    return loadWorkspaceView(this.dataSource.manager, id, row);
  }

  /** A pledge the caller may change; another organisation's pledge is indistinguishable from a missing one. */
  private async owned(user: AuthUser, id: string): Promise<Pledge> {
    authorOrganisation(user);
    const row = await this.dataSource.manager.findOneBy(Pledge, { id });
    if (!row || !ownsPledge(user, row.leadOrganisationId)) throw DomainError.notFound('Pledge');
    return row;
  }

  async update(user: AuthUser, id: string, dto: UpdatePledgeDto, ifMatch?: string): Promise<PledgeWorkspaceView> {
    const expected = requireVersion(ifMatch, dto.version);
    const row = await this.owned(user, id);
    assertVersion('pledge', row.version, expected);
    const status = nextPledgeStatus(row.status, 'edit', row.publishedVersion !== null);
    const { version: _version, contact, ...patch } = dto;
    const merged = mergePatch(row.working, patch);
    const content = await this.checked(merged.input, merged.errors);
    return this.dataSource.transaction(async (m) => {
      await assertContentIntegrity(m, content, {
        pledgeId: id,
        leadOrganisationId: row.leadOrganisationId,
        claimedIndicatorIds: claimedIds(patch),
        knownIndicatorIds: row.working.indicators.map((i) => i.id),
      });
      const contactChange = contact !== undefined ? contactColumns(contact) : {};
      await this.write(m, row, expected, { working: content, status, ...contactChange });
      // The audit log is the secretariat's: the private contact is recorded there like any other change.
      await this.audit.record(m, {
        action: 'pledge.update', entityType: 'pledge', entityId: id,
        before: { status: row.status, version: row.version, working: row.working, contactName: row.contactName, contactEmail: row.contactEmail },
        after: { status, version: expected + 1, working: content, contactName: row.contactName, contactEmail: row.contactEmail, ...contactChange },
      });
      return loadWorkspaceView(m, id);
    });
  }

  async submit(user: AuthUser, id: string, dto: VersionOnlyDto, ifMatch?: string): Promise<PledgeWorkspaceView> {
    const row = await this.owned(user, id);
    const expected = expectedVersion(ifMatch, dto.version) ?? row.version;
    assertVersion('pledge', row.version, expected);
    nextPledgeStatus(row.status, 'submit', row.publishedVersion !== null);
    // Checked again against today's catalogue: it may have changed since the draft was saved.
    const content = await this.checked(contentToInput(row.working), [], true);
    return this.dataSource.transaction(async (m) => {
      await this.write(m, row, expected, { working: content, status: 'submitted', submittedAt: () => 'now()' });
      const [{ next }] = await m.query('SELECT coalesce(max(number), 0) + 1 AS next FROM pledge_version WHERE pledge_id = $1', [id]);
      await m.insert(PledgeVersion, {
        pledgeId: id,
        number: next,
        snapshot: { ...content, reference: row.reference, leadOrganisationId: row.leadOrganisationId },
        frameworkVersion: content.frameworkVersion,
        submittedBy: user.id,
      });
      await this.audit.record(m, {
        action: 'pledge.submit', entityType: 'pledge', entityId: id,
        before: { status: row.status, version: row.version }, after: { status: 'submitted', versionNumber: next },
      });
      return loadWorkspaceView(m, id);
    });
  }

  async withdraw(user: AuthUser, id: string, dto: WithdrawPledgeDto, ifMatch?: string): Promise<PledgeWorkspaceView> {
    const row = await this.owned(user, id);
    const expected = expectedVersion(ifMatch, dto.version) ?? row.version;
    assertVersion('pledge', row.version, expected);
    nextPledgeStatus(row.status, 'withdraw', row.publishedVersion !== null);
    const view = await this.dataSource.transaction(async (m) => {
      await this.write(m, row, expected, {
        status: 'withdrawn', withdrawnReason: dto.reason, withdrawnAt: () => 'now()', publicUpdatedAt: () => 'now()',
      });
      await this.audit.record(m, {
        action: 'pledge.withdraw', entityType: 'pledge', entityId: id,
        before: { status: row.status, version: row.version }, after: { status: 'withdrawn', reason: dto.reason },
      });
      return loadWorkspaceView(m, id);
    });
    return view;
  }

  /** `UPDATE … WHERE id AND version`: of writers that read the same version, exactly one wins. */
  private write(m: EntityManager, row: Pledge, expected: number, set: Record<string, unknown>): Promise<void> {
    return updateVersionedEntity(m, Pledge, { table: 'pledge', what: 'pledge', key: row.id }, expected, set);
  }

  async listMine(user: AuthUser, query: { status?: string; limit: number; offset: number }) {
    const organisationId = authorOrganisation(user);
    const params: unknown[] = [organisationId];
    const status = query.status ? `AND p.status = $${params.push(query.status)}` : '';
    const [items, [{ total }]] = await Promise.all([
      this.dataSource.query(
        `SELECT p.id, p.reference, p.working->>'title' AS title, p.status, p.version, p.implementation_status AS "implementationStatus",
           p.published_version AS "publishedVersion", p.submitted_at AS "submittedAt", p.updated_at AS "updatedAt"
         FROM pledge p WHERE p.lead_organisation_id = $1 ${status}
         ORDER BY p.updated_at DESC, p.reference LIMIT ${query.limit} OFFSET ${query.offset}`,
        params,
      ),
      this.dataSource.query(`SELECT count(*)::int AS total FROM pledge p WHERE p.lead_organisation_id = $1 ${status}`, params),
    ]);
    return { items, total, limit: query.limit, offset: query.offset };
  }
}
