import type { ErrorObject } from 'ajv';
interface ValidateFn {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}
declare const validate: ValidateFn;
export default validate;
