import { BadRequestException } from '@nestjs/common';
import { ParseUuidPipe } from './uuid-pipe';

describe('ParseUuidPipe', () => {
  const param = (data: string) => ({ type: 'param' as const, data });

  it('passes a version 4 UUID through unchanged', () => {
    const id = '3f2b8c1e-9a4d-4e2f-8b6a-1c2d3e4f5a6b';
    expect(new ParseUuidPipe().transform(id, param('id'))).toBe(id);
  });

  it('says only "a UUID" when not told what the id points at', () => {
    let thrown: unknown;
    try {
      new ParseUuidPipe().transform('7', param('deliveryId'));
    } catch (error) {
      thrown = error;
    }
    expect((thrown as BadRequestException).getResponse()).toMatchObject({ message: ['deliveryId must be a UUID'] });
  });

  it.each([
    undefined,
    '',
    'abc',
    '1',
    '0000001c-ce91-62a1-94a5-7a8c0000000c',
    '3f2b8c1e9a4d4e2f8b6a1c2d3e4f5a6b',
    ['x'],
  ])('%j is a 400 naming the parameter and what it should be', (value) => {
    let thrown: unknown;
    try {
      new ParseUuidPipe('an operator id').transform(value, param('operatorId'));
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(BadRequestException);
    expect((thrown as BadRequestException).getResponse()).toMatchObject({
      statusCode: 400,
      message: ['operatorId must be an operator id (a UUID)'],
      fields: { operatorId: ['must be a UUID'] },
    });
  });
});
