"use client";
import { useDeferredValue, useState } from "react";
import { Field, Input, Select } from "@/components/ui/field";
import { useUsers } from "@/lib/client/use-users";

/** Search-then-pick for an admin choosing whose token to create. */
export function UserPicker({ value, onChange, error }: { value: string; onChange: (id: string) => void; error?: string }) {
  const [search, setSearch] = useState("");
  const users = useUsers(useDeferredValue(search.trim()));
  const options = users.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <div className="space-y-2">
      <Field label="Find the user" hint="Type part of a name or e-mail, then pick below.">
        {(p) => <Input {...p} type="search" value={search} onChange={(e) => setSearch(e.target.value)} />}
      </Field>
      <Field label="User" error={error}>
        {(p) => (
          <Select {...p} value={value} onChange={(e) => onChange(e.target.value)}>
            <option value="">{users.isLoading ? "Loading users…" : options.length ? "Choose a user" : "No matching users"}</option>
            {options.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name} ({u.email})
              </option>
            ))}
          </Select>
        )}
      </Field>
    </div>
  );
}
