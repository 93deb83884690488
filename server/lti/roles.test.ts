import { describe, expect, it } from 'vitest';
import { playrouteRolesOf } from './roles';

const MEMBERSHIP = 'http://purl.imsglobal.org/vocab/lis/v2/membership';

describe('who a launch is in Playroute', () => {
  it('an Instructor is a teacher, a Learner a student, a Mentor a coach', () => {
    expect(playrouteRolesOf([`${MEMBERSHIP}#Instructor`])).toEqual(['teacher']);
    expect(playrouteRolesOf([`${MEMBERSHIP}#Learner`])).toEqual(['student']);
    expect(playrouteRolesOf([`${MEMBERSHIP}#Mentor`])).toEqual(['coach']);
  });

  it('a Canvas teaching assistant (Instructor plus the TA sub-role) is a coach, not a teacher', () => {
    expect(playrouteRolesOf([`${MEMBERSHIP}#Instructor`, `${MEMBERSHIP}/Instructor#TeachingAssistant`])).toEqual(['coach']);
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
