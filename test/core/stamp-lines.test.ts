import { describe, expect, it } from 'vitest';
import { clean } from '../../src/core/ingest/clean.js';

const furnitureOf = (raw: string) => clean(raw, {}).furniture.map((f) => raw.slice(f.start, f.end).trim());

describe('a page\'s time stamp lines are furniture, not body', () => {
  it.each([
    ['a date with "Last updated at" and a time', 'Fire destroys store\n\n23 July 2013 Last updated at 13:42 GMT\n\nA fire destroyed a store on Sunday.\n', '23 July 2013 Last updated at 13:42 GMT'],
    ['"Published on" with a weekday', 'Title\n\nPublished on Friday, 27 September 2013\n\nThieves raided a shop.\n', 'Published on Friday, 27 September 2013'],
    ['a published/updated pair with times first', 'Title\n\nPUBLISHED: 02:31 GMT, 12 March 2013 | UPDATED: 22:19 GMT, 12 March 2013\n\nPolice shot a teenager on Saturday.\n', 'PUBLISHED: 02:31 GMT, 12 March 2013 | UPDATED: 22:19 GMT, 12 March 2013'],
  ])('%s', (_, raw, line) => {
    expect(furnitureOf(raw)).toContain(line);
  });

  it('takes the publication date from a stamp line near the top', () => {
    expect(clean('Title\n\nPublished May 03, 2013\n\nThe council voted on Tuesday.\n', {}).published).toBe('2013-05-03');
  });

  it('leaves a body sentence that mentions publishing alone', () => {
    expect(furnitureOf('Title\n\nThe report was published on May 3, 2013 by the ministry.\n')).not.toContain('The report was published on May 3, 2013 by the ministry.');
  });
});
