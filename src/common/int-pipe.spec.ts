import { BadRequestException } from '@nestjs/common';
import { INT4_MAX, ParseIntInRangePipe } from './int-pipe';

describe('ParseIntInRangePipe', () => {
  const revision = new ParseIntInRangePipe(1, INT4_MAX);
  const as = (data: string) => ({ type: 'query' as const, data });

  it('passes whole numbers within the range', () => {
    expect([
      revision.transform('1', as('from')),
      revision.transform(2, as('to')),
      revision.transform(String(INT4_MAX), as('to')),
    ]).toEqual([1, 2, INT4_MAX]);
  });

  it.each([undefined, '', '0', '-1', '1e20', '99999999999', '1.5', 'abc', ['1', '2'], String(INT4_MAX + 1)])(
    '%j is a 400 naming the parameter',
    (value) => {
      let thrown: unknown;
      try {
        revision.transform(value, as('to'));
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(BadRequestException);
      expect((thrown as BadRequestException).getResponse()).toMatchObject({
        statusCode: 400,
        message: [`to must be a whole number from 1 to ${INT4_MAX}`],
        fields: { to: [expect.any(String)] },
      });
    },
  );
});
