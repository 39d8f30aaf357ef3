"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { callApi } from "@/lib/api-client";
import type { CreateApiKeyInput } from "@/lib/schemas/api-key";
import { FormAlert } from "../form-alert";
import { lazyZodResolver } from "../lazy-zod-resolver";
import { TextInput } from "../text-input";

/** POST /api/v1/user/api-keys's answer: the only time the key itself is ever sent. */
export interface CreatedApiKey {
  id: string;
  name: string;
  prefix: string;
  key: string;
  createdAt: string;
}

const resolver = lazyZodResolver(() => import("@/lib/schemas/api-key").then((schemas) => schemas.createApiKeySchema));

export function CreateApiKeyForm({ onCreated }: { onCreated: (created: CreatedApiKey) => void }) {
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<CreateApiKeyInput>({ resolver, defaultValues: { name: "" } });

  const onSubmit = handleSubmit(async (input) => {
    setFormError(null);
    const result = await callApi<CreatedApiKey>("POST", "/api/v1/user/api-keys", input);
    if (result.ok) {
      reset();
      onCreated(result.body);
      router.refresh();
      return;
    }
    const { errors: fieldErrors, message } = result.body;
    if (fieldErrors?.name) {
      setError("name", { message: fieldErrors.name.join(". ") }, { shouldFocus: true });
      return;
    }
    // The per-person limit explains itself in errors.apiKeys; the code's message would not.
    const explanation = fieldErrors?.apiKeys?.join(". ");
    setFormError(result.status === 401 ? "Your session has ended. Sign in again to create a key." : (explanation ?? message));
  });

  return (
    <form method="post" onSubmit={onSubmit} onFocus={resolver.preload} noValidate aria-labelledby="create-api-key-title" className="api-key-form">
      <h3 id="create-api-key-title">Create a key</h3>
      <FormAlert message={formError} />
      <TextInput
        label="Application name"
        autoComplete="off"
        placeholder="e.g. Acme CRM"
        error={errors.name?.message}
        {...register("name")}
      />
      <button type="submit" className="button" disabled={isSubmitting} aria-busy={isSubmitting}>
        {isSubmitting ? "Creating key…" : "Create key"}
      </button>
    </form>
  );
}
