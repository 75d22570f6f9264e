import { describe, expect, it } from 'vitest';
import { parseRsql, RsqlError } from './rsql.js';

const cmp = (selector: string, operator: string, ...args: string[]) => ({ kind: 'comparison', selector, operator, args });

describe('terrakube: RSQL parser', () => {
  it('parses a comparison with each operator form', () => {
    expect(parseRsql('status==completed')).toEqual(cmp('status', '==', 'completed'));
    expect(parseRsql('id=gt=3')).toEqual(cmp('id', '=gt=', '3'));
    expect(parseRsql('id>=3')).toEqual(cmp('id', '>=', '3'));
    expect(parseRsql('status!=failed')).toEqual(cmp('status', '!=', 'failed'));
    expect(parseRsql('status=in=(failed,rejected)')).toEqual(cmp('status', '=in=', 'failed', 'rejected'));
  });

  it('binds ; (AND) tighter than , (OR), and accepts the and / or keywords', () => {
    expect(parseRsql('a==1,b==2;c==3')).toEqual({ kind: 'or', children: [cmp('a', '==', '1'), { kind: 'and', children: [cmp('b', '==', '2'), cmp('c', '==', '3')] }] });
    expect(parseRsql('a==1 and b==2 or c==3')).toEqual(parseRsql('a==1;b==2,c==3'));
  });

  it('groups with parentheses', () => {
    expect(parseRsql('(a==1,b==2);c==3')).toEqual({ kind: 'and', children: [{ kind: 'or', children: [cmp('a', '==', '1'), cmp('b', '==', '2')] }, cmp('c', '==', '3')] });
  });

  it('reads single- and double-quoted values with escapes and reserved characters', () => {
    expect(parseRsql(`comments=="fix (the) ;bug"`)).toEqual(cmp('comments', '==', 'fix (the) ;bug'));
    expect(parseRsql(`comments=='it\\'s'`)).toEqual(cmp('comments', '==', "it's"));
  });

  it('refuses what the grammar does not allow, naming where', () => {
    expect(() => parseRsql('status==')).toThrow(/^Encountered "<EOF>" at line 1, column 9\.$/);
    expect(() => parseRsql('status==a;')).toThrow(RsqlError);
    expect(() => parseRsql('(status==a')).toThrow(/column 11/);
    expect(() => parseRsql('status=oops=a')).toThrow('Unknown operator: =oops=');
    expect(() => parseRsql('status==(a,b)')).toThrow('Operator == expects single argument, but multiple values given');
    expect(() => parseRsql("comments=='open")).toThrow(RsqlError);
  });
});
