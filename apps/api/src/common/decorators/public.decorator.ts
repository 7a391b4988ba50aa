import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC_KEY = 'xkx:isPublic';

/** Opts a route out of the global sign-in requirement. Everything else needs a user. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC_KEY, true);
