import { z } from "zod";
import { safeText } from "./text";

export const emailSchema = safeText()
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: "Enter a valid email address." }));

export const signUpSchema = z
  .object({
    email: emailSchema,
    password: safeText()
      .min(8, { error: "Use at least 8 characters for the password." })
      .max(200, { error: "Use at most 200 characters for the password." }),
    name: safeText().trim().min(1, { error: "Enter your name." }).max(100, { error: "Use at most 100 characters." }),
  })
  .strict();

export const signInSchema = z.object({
  email: emailSchema,
  password: safeText().min(1).max(200),
});

export const createTokenSchema = z
  .object({ name: safeText().trim().min(1, { error: "Name the token." }).max(100) })
  .strict();

export type SignUpInput = z.infer<typeof signUpSchema>;

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, { error: "Enter your current password." }).max(200),
    newPassword: z
      .string()
      .min(8, { error: "Use at least 8 characters for the password." })
      .max(200, { error: "Use at most 200 characters for the password." }),
  })
  .strict();

export const changeNameSchema = z
  .object({
    name: safeText().trim().min(1, { error: "Enter your name." }).max(100, { error: "Use at most 100 characters." }),
  })
  .strict();
