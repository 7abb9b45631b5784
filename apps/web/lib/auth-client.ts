// better-auth's browser client: sign-in, sign-out and password changes go to /api/auth on this origin.
import { createAuthClient } from "better-auth/react";

export const authClient = createAuthClient();
