"use client";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, Textarea } from "@/components/ui/field";
import { ErrorState, LoadingRows } from "@/components/ui/states";
import { apiFetch, ApiError } from "@/lib/client/api";
import { useUseCaseComments, useUseCaseMutation } from "@/lib/client/use-cases";
import { commentSchema } from "@/lib/use-cases/schemas";

export function CommentsPanel({ useCaseId, canComment }: { useCaseId: string; canComment: boolean }) {
  const q = useUseCaseComments(useCaseId);
  const [body, setBody] = useState("");
  const [error, setError] = useState<string | undefined>();
  const post = useUseCaseMutation(useCaseId, (input: { body: string }) => apiFetch(`/api/v1/use-cases/${useCaseId}/comments`, { method: "POST", body: input }));
  const submit = async () => {
    const parsed = commentSchema.safeParse({ body });
    if (!parsed.success) return setError(parsed.error.issues[0]?.message);
    try {
      await post.mutateAsync(parsed.data);
      setBody("");
      setError(undefined);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : "Could not post");
    }
  };
  return (
    <Card aria-labelledby="comments-h">
      <h2 id="comments-h" className="mb-3 text-lg font-semibold">Comments</h2>
      {q.isPending ? <LoadingRows rows={2} label="Loading comments" /> : q.isError ? <ErrorState error={q.error} onRetry={() => q.refetch()} /> : q.data.items.length === 0 ? (
        <p className="text-sm text-slate-600">No comments yet.</p>
      ) : (
        <ul className="space-y-3">
          {q.data.items.map((c) => (
            <li key={c.id} className={c.kind === "change_request" ? "rounded border border-amber-200 bg-amber-50 p-2" : ""}>
              <div className="text-xs text-slate-500">
                <span className="font-medium text-slate-700">{c.authorName}</span> · {new Date(c.createdAt).toLocaleString()}
                {c.kind === "change_request" ? <Badge tone="warning" className="ml-2">changes requested</Badge> : null}
              </div>
              <p className="whitespace-pre-wrap text-sm">{c.body}</p>
              {c.mentions.length ? <p className="text-xs text-slate-500">Mentions: {c.mentions.map((m) => m.name).join(", ")}</p> : null}
            </li>
          ))}
        </ul>
      )}
      {canComment ? (
        <form className="mt-4 space-y-2" onSubmit={(e) => (e.preventDefault(), void submit())}>
          <Field label="Add a comment" hint="Mention someone with @ and their e-mail name, e.g. @rita.reviewer; they are notified if they can see this use case" error={error}>
            {(p) => <Textarea {...p} value={body} onChange={(e) => setBody(e.target.value)} className="min-h-16" />}
          </Field>
          <Button type="submit" size="sm" disabled={post.isPending}>Post comment</Button>
        </form>
      ) : null}
    </Card>
  );
}
