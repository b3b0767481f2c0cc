// The file names Canvas and Moodle give the submissions in their "download all" zips.

/** `lovelaceada_LATE_12345_678901_ch02-1.ts`: Canvas's name for one submitted file. */
export interface CanvasEntry {
  /** Canvas's name part: the sortable name, lower case, without spaces ("lovelaceada"). */
  login: string;
  late: boolean;
  userId: string;
  submissionId: string;
  /** The file name the student uploaded, with Canvas's "-1", "-2" (a re-upload of a same-named file) removed. */
  file: string;
  /** The N of a "-N" Canvas appended (0 when none): the higher, the later the upload. */
  copy: number;
}

const CANVAS = /^([^_/\\]+?)(_LATE)?_(\d+)_(\d+)_([^/\\]+)$/;

/**
 * Parse a Canvas "Download submissions" entry name, or undefined when it is not one (a folder,
 * a nested path, a name without the user and submission ids).
 * @example parseCanvasEntry("lovelaceada_LATE_12345_678901_ch02-1.ts")?.file // => "ch02.ts"
 */
export function parseCanvasEntry(name: string): CanvasEntry | undefined {
  const m = CANVAS.exec(name);
  if (!m) return undefined;
  const resub = /^(.+)-(\d+)(\.[^.]+)$/.exec(m[5]);
  return {
    login: m[1],
    late: m[2] !== undefined,
    userId: m[3],
    submissionId: m[4],
    file: resub ? `${resub[1]}${resub[3]}` : m[5],
    copy: resub ? Number(resub[2]) : 0,
  };
}

/** `Ada Lovelace_12345_assignsubmission_file_/exercises/ch02.ts`: Moodle's name for one submitted file. */
export interface MoodleEntry {
  fullName: string;
  participantId: string;
  /** The submission plugin: "file", "onlinetext", … */
  plugin: string;
  /** The path under the participant's folder ("exercises/ch02.ts", "ch02.ts"). */
  path: string;
}

const MOODLE = /^([^/\\]+)_(\d+)_assignsubmission_([a-z]+)_(?:\/(.+)|([^/].*))$/;

/**
 * Parse a Moodle "Download all submissions" entry name — one folder per participant
 * (`Full Name_id_assignsubmission_file_/…`) or a flat file with that prefix — or undefined.
 * @example parseMoodleEntry("Ada Lovelace_12345_assignsubmission_file_/ch02.ts")?.participantId // => "12345"
 */
export function parseMoodleEntry(name: string): MoodleEntry | undefined {
  const m = MOODLE.exec(name);
  if (!m) return undefined;
  return { fullName: m[1], participantId: m[2], plugin: m[3], path: m[4] ?? m[5] };
}
