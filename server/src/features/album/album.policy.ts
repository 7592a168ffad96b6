import type { Actor } from '../../lib/actor';
import type { DepartmentTree } from '../departments/department-tree';
import { canSeeGrade } from '../evaluation/evaluation.policy';
import { canOpenProfile, type ProfileSubject } from '../profile/profile.policy';

/**
 * Who may open a person's growth album: the same people who may open their living file, that is
 * whoever may read the person's submitted reports (every signed-in user: they are on the public wall);
 * a disabled person's album only for them, those who oversee their department and admins (404 for
 * others). What each reader sees inside — restricted items, grades — is decided item by item by the
 * report presenter and `canSeeAlbumGrade`.
 */
export const canReadAlbum = (actor: Actor, person: ProfileSubject, tree: DepartmentTree): boolean =>
  canOpenProfile(actor, person, tree);

/** A report's grade in the album: for the person and those who may grade them, as on the report page. */
export const canSeeAlbumGrade = canSeeGrade;
