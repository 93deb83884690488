// The demo course's class: the demo LMS's five students plus twenty more, Dutch and international, and a coach with mentees.
import type { Member } from '../demo-lms/index';

const EXTRA: [string, string, 'nl-NL' | 'en-GB'][] = [
  ['Sanne', 'Visser', 'nl-NL'],
  ['Mohammed', 'Amrani', 'nl-NL'],
  ['Lotte', 'Mulder', 'nl-NL'],
  ['Yusuf', 'Demir', 'nl-NL'],
  ['Emma', 'de Boer', 'nl-NL'],
  ['Lucas', 'Meijer', 'nl-NL'],
  ['Aisha', 'Okonkwo', 'en-GB'],
  ['Thijs', 'Hendriks', 'nl-NL'],
  ['Mei', 'Chen', 'en-GB'],
  ['Bram', 'van Dijk', 'nl-NL'],
  ['Sofia', 'Rossi', 'en-GB'],
  ['Jesse', 'Kok', 'nl-NL'],
  ['Lina', 'Haddad', 'nl-NL'],
  ['Finn', 'Peters', 'nl-NL'],
  ['Zoë', 'Willems', 'nl-NL'],
  ['Mateo', 'García', 'en-GB'],
  ['Isa', 'Vermeulen', 'nl-NL'],
  ['Kwame', 'Mensah', 'en-GB'],
  ['Julia', 'Nowak', 'en-GB'],
  ['Ruben', 'Bos', 'nl-NL'],
];

const slug = (name: string) =>
  name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]+/g, '-');

export function extraStudents(): Member[] {
  return EXTRA.map(([givenName, familyName, locale]) => {
    const userId = `u-student-${slug(givenName)}`;
    return { userId, givenName, familyName, email: `${userId}@student.example.edu`, locale, role: 'student' as const };
  });
}

/** The study coach looks after eight students, so the coach's view has routes to approve and pairs to see. */
export function coachWithMentees(coach: Member, students: Member[]): Member {
  return { ...coach, mentees: students.slice(0, 8).map((s) => s.userId) };
}
