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
import type { CommentView } from "@/lib/use-cases/views";

function CommentItem({ c }: { c: CommentView }) {
  return (
    <li className={c.kind === "change_request" ? "rounded border border-amber-200 bg-amber-50 p-2" : ""}>
      <div className="text-xs text-slate-500">
        <span className="font-medium text-slate-700">{c.authorName}</span> · {new Date(c.createdAt).toLocaleString()}
        {c.kind === "change_request" ? <Badge tone="warning" className="ml-2">changes requested</Badge> : null}
      </div>
      <p className="whitespace-pre-wrap text-sm">{c.body}</p>
      {c.mentions.length ? <p className="text-xs text-slate-500">Mentions: {c.mentions.map((m) => m.name).join(", ")}</p> : null}
    </li>
  );
}

/** The page of comments before the earliest one shown; a failed page says so and can be retried here. */
function LoadEarlier({ q }: { q: ReturnType<typeof useUseCaseComments> }) {
  return (
    <div className="flex items-center gap-3">
      <Button size="sm" variant="secondary" disabled={q.isFetchingNextPage} onClick={() => void q.fetchNextPage()}>
        {q.isFetchingNextPage ? "Loading…" : "Show earlier comments"}
      </Button>
      {q.isFetchNextPageError ? <span role="alert" className="text-xs text-red-700">Could not load more: {q.error?.message}</span> : null}
    </div>
  );
}

export function CommentsPanel({ useCaseId, canComment }: { useCaseId: string; canComment: boolean }) {
  const q = useUseCaseComments(useCaseId);
  const [body, setBody] = useState("");
  const [error, setError] = useState<string | undefined>();
  const post = useUseCaseMutation(useCaseId, (input: { body: string }) => apiFetch<CommentView>(`/api/v1/use-cases/${useCaseId}/comments`, { method: "POST", body: input }));
  // Pages come newest first so the latest of a long conversation (and a comment just
  // posted) shows without paging; the thread still reads top down, oldest shown first.
  const items = (q.data?.pages.flatMap((p) => p.items) ?? []).reverse();
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
      {q.isPending ? <LoadingRows rows={2} label="Loading comments" /> : q.isError && !q.data ? <ErrorState error={q.error} onRetry={() => q.refetch()} /> : items.length === 0 ? (
        <p className="text-sm text-slate-600">No comments yet.</p>
      ) : (
        <ul className="space-y-3" aria-label="Comments">
          {q.hasNextPage ? <li><LoadEarlier q={q} /></li> : null}
          {items.map((c) => <CommentItem key={c.id} c={c} />)}
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
