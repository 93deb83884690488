import { describe, expect, it } from 'vitest';
import { playrouteRolesOf } from './roles';

const MEMBERSHIP = 'http://purl.imsglobal.org/vocab/lis/v2/membership';

describe('who a launch is in Playroute', () => {
  it('an Instructor is a teacher, a Learner a student, a Mentor a coach', () => {
    expect(playrouteRolesOf([`${MEMBERSHIP}#Instructor`])).toEqual(['teacher']);
    expect(playrouteRolesOf([`${MEMBERSHIP}#Learner`])).toEqual(['student']);
    expect(playrouteRolesOf([`${MEMBERSHIP}#Mentor`])).toEqual(['coach']);
  });

  it('the deprecated short role names are understood', () => {
    expect(playrouteRolesOf(['Instructor'])).toEqual(['teacher']);
    expect(playrouteRolesOf(['Learner', 'Mentor'])).toEqual(['coach', 'student']);
  });

  it('institution and system roles, and unknown roles, give no course role', () => {
    expect(playrouteRolesOf(['http://purl.imsglobal.org/vocab/lis/v2/institution/person#Instructor'])).toEqual([]);
    expect(playrouteRolesOf(['http://purl.imsglobal.org/vocab/lis/v2/system/person#Administrator'])).toEqual([]);
    expect(playrouteRolesOf(['urn:example:role#Wizard', ''])).toEqual([]);
    expect(playrouteRolesOf([])).toEqual([]);
  });

  it('a sub-role counts as its parent role', () => {
    expect(playrouteRolesOf([`${MEMBERSHIP}/Learner#GuestLearner`])).toEqual(['student']);
    expect(playrouteRolesOf([`${MEMBERSHIP}/Instructor#Lecturer`])).toEqual(['teacher']);
  });
});

describe('what each LMS sends, as Playroute reads it', () => {
  it('Moodle: Instructor (editing and non-editing teachers alike) is a teacher, Learner a student; nothing else arrives', () => {
    expect(playrouteRolesOf([`${MEMBERSHIP}#Instructor`])).toEqual(['teacher']);
    expect(playrouteRolesOf([`${MEMBERSHIP}#Learner`])).toEqual(['student']);
    // A site admin launching: Moodle adds the institution and system Administrator roles.
    expect(
      playrouteRolesOf([
        'http://purl.imsglobal.org/vocab/lis/v2/institution/person#Administrator',
        `${MEMBERSHIP}#Instructor`,
        'http://purl.imsglobal.org/vocab/lis/v2/system/person#Administrator',
      ]),
    ).toEqual(['teacher']);
  });

  it('Canvas: a TA (the TA sub-role plus Instructor) is an assistant, not a teacher; a designer and a teacher are teachers; an observer a coach', () => {
    expect(playrouteRolesOf([`${MEMBERSHIP}/Instructor#TeachingAssistant`, `${MEMBERSHIP}#Instructor`])).toEqual(['assistant']);
    // Canvas's older LIS v2 map spells the parent role in lower case.
    expect(playrouteRolesOf([`${MEMBERSHIP}/instructor#TeachingAssistant`, `${MEMBERSHIP}#Instructor`])).toEqual(['assistant']);
    expect(playrouteRolesOf([`${MEMBERSHIP}#ContentDeveloper`])).toEqual(['teacher']);
    expect(playrouteRolesOf([`${MEMBERSHIP}#Instructor`, 'http://purl.imsglobal.org/vocab/lis/v2/institution/person#Instructor'])).toEqual(['teacher']);
    expect(playrouteRolesOf([`${MEMBERSHIP}#Mentor`])).toEqual(['coach']);
  });

  it('a TA who is also the course designer keeps design rights', () => {
    expect(playrouteRolesOf([`${MEMBERSHIP}/Instructor#TeachingAssistant`, `${MEMBERSHIP}#Instructor`, `${MEMBERSHIP}#ContentDeveloper`])).toEqual([
      'teacher',
      'assistant',
    ]);
  });

  it('Brightspace: a Teaching Assistant mapped to the TA sub-role alone, or to a bare TeachingAssistant, is an assistant', () => {
    expect(playrouteRolesOf([`${MEMBERSHIP}/Instructor#TeachingAssistant`])).toEqual(['assistant']);
    expect(playrouteRolesOf([`${MEMBERSHIP}#TeachingAssistant`])).toEqual(['assistant']);
    expect(playrouteRolesOf(['TeachingAssistant'])).toEqual(['assistant']);
  });
});
