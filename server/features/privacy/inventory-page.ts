// GET /privacy: the data inventory (DATA-INVENTORY.md) as a page in Dutch and English, for students, teachers and the
// school's privacy officer; no scripts, so the house Content-Security-Policy applies unchanged. ?lang=nl|en, else
// the browser's Accept-Language, else Dutch.
import { Router } from 'express';
import { escapeHtml } from '../../html';

type Lang = 'nl' | 'en';

interface Row {
  who: string;
  what: string;
  why: string;
  until: string;
}

const TEXT: Record<Lang, { title: string; intro: string; head: [string, string, string, string]; rows: Row[]; notes: string[] }> = {
  en: {
    title: 'Privacy: what Playroute keeps about you',
    intro:
      'Playroute knows you by the pseudonymous user id your learning environment (LMS) sends. Whatever else it keeps is below: what, why and for how long. Without a name or e-mail from the LMS, Playroute works the same.',
    head: ['Who', 'What', 'Why', 'How long'],
    rows: [
      { who: 'Everyone who opens Playroute', what: 'LMS user id, roles in the course, last launch', why: 'to know who you are and what you may do', until: 'until the course’s retention ends, or erasure' },
      { who: 'Everyone who opens Playroute', what: 'name, e-mail address, language (when the LMS sends them)', why: 'names are shown to teachers, coaches and paired peers; e-mail to teachers and to a peer once paired; language for the interface', until: 'as above' },
      { who: 'Course members', what: 'name, e-mail, roles, coach and students (class list from the LMS)', why: 'the class list and a coach’s students', until: 'as above' },
      { who: 'Students', what: 'learning route, its history, sign-ups and attendance; intake, peers and project groups', why: 'your learning route and working with classmates', until: 'one year after the course’s last activity (or the period the school set), or erasure' },
      { who: 'Students', what: 'evidence (texts, links, files, prior learning), self-assessments, assessments, grades and feedback', why: 'assessment; the grade is also sent to the LMS gradebook', until: 'as above; a broken-off upload after one hour' },
      { who: 'Teachers and assistants', what: 'who assessed or sent a grade, when, what changed and why (audit trail)', why: 'traceable assessment for the exam board', until: 'as above; on erasure of a teacher the name becomes a pseudonym' },
    ],
    notes: [
      'Course end: the LMS does not always tell Playroute when a course ends, so the course’s last activity counts. One year later (or after the period the school set) its personal data is removed; teachers see the date beforehand. The playbook (course design) stays.',
      'Download your data: from your own view in Playroute, as one zip file.',
      'Erasure: ask your school; its administrator erases your data in Playroute. Grades already in the LMS gradebook stay there — the LMS administrator removes those.',
    ],
  },
  nl: {
    title: 'Privacy: wat Playroute over je bewaart',
    intro:
      'Playroute kent je aan het pseudonieme gebruikers-id dat je leeromgeving (LMS) meestuurt. Wat het verder bewaart staat hieronder: wat, waarom en hoe lang. Zonder naam of e-mail van het LMS werkt Playroute net zo.',
    head: ['Wie', 'Wat', 'Waarom', 'Hoe lang'],
    rows: [
      { who: 'Iedereen die Playroute opent', what: 'gebruikers-id uit het LMS, rollen in de cursus, laatste keer geopend', why: 'om te weten wie je bent en wat je mag', until: 'tot de bewaartermijn van de cursus voorbij is, of tot verwijdering' },
      { who: 'Iedereen die Playroute opent', what: 'naam, e-mailadres, taal (als het LMS die meestuurt)', why: 'namen zien docenten, coaches en gekoppelde peers; het e-mailadres docenten en een peer zodra jullie gekoppeld zijn; de taal is voor de interface', until: 'als hierboven' },
      { who: 'Cursusdeelnemers', what: 'naam, e-mail, rollen, coach en studenten (klassenlijst uit het LMS)', why: 'de klassenlijst en de studenten van een coach', until: 'als hierboven' },
      { who: 'Studenten', what: 'leerroute, de geschiedenis ervan, inschrijvingen en aanwezigheid; intake, peers en projectgroepen', why: 'je leerroute en samenwerken met medestudenten', until: 'een jaar na de laatste activiteit in de cursus (of de termijn die de school instelde), of tot verwijdering' },
      { who: 'Studenten', what: 'bewijs (teksten, links, bestanden, eerder verworven competenties), zelfbeoordelingen, beoordelingen, cijfers en feedback', why: 'beoordeling; het cijfer gaat ook naar het cijferoverzicht van het LMS', until: 'als hierboven; een afgebroken upload na een uur' },
      { who: 'Docenten en assistenten', what: 'wie beoordeelde of een cijfer verstuurde, wanneer, wat er veranderde en waarom (audittrail)', why: 'navolgbare beoordeling voor de examencommissie', until: 'als hierboven; bij verwijdering van een docent wordt de naam een pseudoniem' },
    ],
    notes: [
      'Einde van de cursus: het LMS vertelt Playroute niet altijd wanneer een cursus eindigt, dus telt de laatste activiteit. Een jaar later (of na de termijn die de school instelde) worden de persoonsgegevens verwijderd; docenten zien de datum vooraf. Het playbook (het cursusontwerp) blijft.',
      'Je gegevens downloaden: vanuit je eigen weergave in Playroute, als één zipbestand.',
      'Verwijderen: vraag het je school; de beheerder verwijdert je gegevens in Playroute. Cijfers die al in het LMS staan blijven daar — die verwijdert de beheerder van het LMS.',
    ],
  },
};

function languageOf(query: unknown, accept: string | undefined): Lang {
  if (query === 'en' || query === 'nl') return query;
  return /^\s*en\b/i.test(accept ?? '') ? 'en' : 'nl';
}

export function inventoryPage(lang: Lang): string {
  const t = TEXT[lang];
  const other: Lang = lang === 'nl' ? 'en' : 'nl';
  const rows = t.rows.map((r) => `<tr><td>${escapeHtml(r.who)}</td><td>${escapeHtml(r.what)}</td><td>${escapeHtml(r.why)}</td><td>${escapeHtml(r.until)}</td></tr>`).join('\n');
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(t.title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.5}table{border-collapse:collapse;width:100%}th,td{border:1px solid #999;padding:.4rem;text-align:left;vertical-align:top}</style>
</head><body>
<p><a href="/privacy?lang=${other}" lang="${other}" hreflang="${other}">${other === 'en' ? 'English' : 'Nederlands'}</a></p>
<h1>${escapeHtml(t.title)}</h1>
<p>${escapeHtml(t.intro)}</p>
<table><thead><tr>${t.head.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('')}</tr></thead>
<tbody>
${rows}
</tbody></table>
${t.notes.map((n) => `<p>${escapeHtml(n)}</p>`).join('\n')}
</body></html>`;
}

export function inventoryRoutes(): Router {
  const router = Router();
  router.get('/privacy', (req, res) => {
    const lang = languageOf(req.query.lang, req.get('accept-language'));
    res.set('content-language', lang).type('html').send(inventoryPage(lang));
  });
  return router;
}
