import type { Faker } from '@faker-js/faker';
import type { JsonObject } from './records.js';

/**
 * What the fixture jobs are about: the kinds of background job Content Hub runs (media processing,
 * imports, exports, mass edits, download orders), with titles in the cultures the mock enables
 * (en-US, fr-FR, de-DE; nl-NL and ja-JP stay empty, as untranslated content does), what the
 * description tells the worker, and where each target's item lives.
 */
export type JobKind = 'Processing' | 'Import' | 'Export' | 'MassEdit' | 'Download';
export const JOB_KINDS: readonly JobKind[] = ['Processing', 'Import', 'Export', 'MassEdit', 'Download'];

export interface JobTheme {
  kind: JobKind;
  title: Record<string, string>;
  configuration: JsonObject;
  /** Where target `index` lives (null for jobs that work on entities, not files). */
  location(index: number): string | null;
}

const SETS = ['Images', 'Videos', 'Documents'] as const;
const IMAGE_EXTS = ['jpg', 'png', 'tif', 'psd'] as const;
const VIDEO_EXTS = ['mp4', 'mov'] as const;
const DOC_EXTS = ['pdf', 'docx', 'indd'] as const;
const SEASONS = ['Spring', 'Summer', 'Autumn', 'Winter'] as const;
const ASSET_FIELDS = ['Asset.Description', 'Asset.Title', 'Asset.Copyright', 'Asset.UsageRights'] as const;

function slugs(faker: Faker, count: number, ext: readonly string[]): string[] {
  return Array.from({ length: count }, () => `${faker.lorem.slug(2)}.${faker.helpers.arrayElement(ext)}`);
}

export function createTheme(faker: Faker, kind: JobKind, targetCount: number): JobTheme {
  const brand = faker.internet.domainWord();
  const product = faker.commerce.productName();
  switch (kind) {
    case 'Processing': {
      const set = faker.helpers.arrayElement(SETS);
      const files = slugs(faker, targetCount, set === 'Images' ? IMAGE_EXTS : set === 'Videos' ? VIDEO_EXTS : DOC_EXTS);
      return {
        kind,
        title: { 'en-US': `Generate renditions for ${product}`, 'fr-FR': `Générer les rendus pour ${product}`, 'de-DE': `Renditionen für ${product} erzeugen` },
        configuration: { media_processing_set: set, renditions: ['thumbnail', 'preview', 'downloadPreview'], reprocess: faker.datatype.boolean() },
        location: (i) => `https://cdn.${brand}.com/originals/${files[i]}`,
      };
    }
    case 'Import': {
      const files = slugs(faker, targetCount, IMAGE_EXTS);
      const company = faker.company.name();
      return {
        kind,
        title: { 'en-US': `Import assets from ${company}`, 'fr-FR': `Importer les ressources de ${company}`, 'de-DE': `Assets von ${company} importieren` },
        configuration: { source: `https://dam.${brand}.com/exports/${faker.lorem.slug(1)}.zip`, file_count: targetCount, overwrite_existing: faker.datatype.boolean() },
        location: (i) => `https://dam.${brand}.com/exports/${files[i]}`,
      };
    }
    case 'Export': {
      const season = faker.helpers.arrayElement(SEASONS);
      return {
        kind,
        title: { 'en-US': `Export ${season} campaign to ${brand}`, 'fr-FR': `Exporter la campagne ${season} vers ${brand}`, 'de-DE': `${season}-Kampagne nach ${brand} exportieren` },
        configuration: { format: 'zip', rendition: 'original', include_metadata: true, destination: `sftp://deliveries.${brand}.com/incoming` },
        location: (i) => `sftp://deliveries.${brand}.com/incoming/${season.toLowerCase()}-${String(i + 1).padStart(3, '0')}.zip`,
      };
    }
    case 'MassEdit': {
      const field = faker.helpers.arrayElement(ASSET_FIELDS);
      const value = faker.company.catchPhrase();
      return {
        kind,
        title: { 'en-US': `Mass edit ${field} on ${targetCount} assets`, 'fr-FR': `Modification en masse de ${field} sur ${targetCount} ressources`, 'de-DE': `Massenbearbeitung von ${field} für ${targetCount} Assets` },
        configuration: { property: field, operation: 'replace', value, culture: 'en-US' },
        location: () => null,
      };
    }
    case 'Download': {
      const order = faker.number.int({ min: 1000, max: 9999 });
      const files = slugs(faker, targetCount, IMAGE_EXTS);
      return {
        kind,
        title: { 'en-US': `Download order ${order}`, 'fr-FR': `Commande de téléchargement ${order}`, 'de-DE': `Download-Auftrag ${order}` },
        configuration: { order_id: order, rendition: 'downloadOriginal', notify_user: true },
        location: (i) => `downloads/order-${order}/${files[i]}`,
      };
    }
  }
}
