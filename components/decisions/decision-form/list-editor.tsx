"use client";
// One editable list of the decision form (its options, its criteria): items added, removed and
// reordered in place, each with the same field frame, with focus kept where the person was working.
import type { InputHTMLAttributes, ReactNode } from "react";
import { Button } from "@/components/button";
import { Card, CardBody, CardHeader } from "@/components/card";
import { controlClasses, FieldError } from "@/components/field";
import { PlusIcon } from "@/components/icons";
import { ItemControls } from "../item-controls";
import { FormField } from "./form-field";

export type ListItem = { key: string; id?: string };

/** One text field of every item; its value is the item's property of the same name. */
export interface ItemField<T> {
  name: keyof T & string;
  label: string;
  multiline?: boolean;
  className?: string;
  hint?: (index: number) => ReactNode;
  input?: InputHTMLAttributes<HTMLInputElement>;
  /** Editing it also clears the list's own error (a weight can fix "the weights sum to 0"). */
  clearsListError?: boolean;
}

/** How the form ties a field path (`options.<key>.name`) to its element id and its error. */
export interface FormWiring {
  idFor: (path: string) => string;
  errorOf: (path: string) => string | undefined;
  clearError: (path: string) => void;
  focusAfterRender: (id: string) => void;
}

export function ListEditor<T extends ListItem>({
  path,
  noun,
  title,
  description,
  items,
  onChange,
  newItem,
  max,
  minimum = 0,
  fields,
  gridClassName = "sm:grid-cols-2",
  wiring,
}: {
  /** The payload's name for the list, also the prefix of its error paths. */
  path: string;
  /** One item, in lower case ("option"): "Option 1", "Add option", "Move option 1 up". */
  noun: string;
  title: string;
  description: string;
  items: T[];
  onChange: (items: T[]) => void;
  newItem: () => T;
  max: number;
  /** Remove is disabled at this many items. */
  minimum?: number;
  fields: ItemField<T>[];
  gridClassName?: string;
  wiring: FormWiring;
}) {
  const { idFor, errorOf, clearError, focusAfterRender } = wiring;
  const controlsId = (item: T) => idFor(`${noun}-${item.key}`);
  const fieldPath = (item: T, name: string) => `${path}.${item.key}.${name}`;
  const heading = noun.charAt(0).toUpperCase() + noun.slice(1);

  function move(index: number, by: -1 | 1) {
    const target = index + by;
    if (target < 0 || target >= items.length) return;
    const next = [...items];
    [next[index], next[target]] = [next[target]!, next[index]!];
    onChange(next);
    // Keep focus on the control that moved, or its twin when the item reached an end.
    const atEnd = target === 0 || target === items.length - 1;
    focusAfterRender(`${controlsId(items[index]!)}-${atEnd ? (by < 0 ? "down" : "up") : by < 0 ? "up" : "down"}`);
  }

  function remove(index: number) {
    const next = items.filter((_, i) => i !== index);
    onChange(next);
    const neighbour = next[index] ?? next[index - 1];
    focusAfterRender(neighbour ? idFor(fieldPath(neighbour, "name")) : idFor(`${path}.add`));
  }

  function edit(item: T, field: ItemField<T>, value: string) {
    onChange(items.map((i) => (i.key === item.key ? { ...i, [field.name]: value } : i)));
    clearError(fieldPath(item, field.name));
    if (field.clearsListError) clearError(path);
  }

  return (
    <Card as="section">
      <CardHeader title={`${title} (${items.length})`} description={description} />
      <CardBody className="space-y-4">
        {errorOf(path) ? <FieldError id={`${idFor(path)}-error`}>{errorOf(path)}</FieldError> : null}
        <ol className="space-y-3">
          {items.map((item, index) => (
            <li key={item.key} className="rounded-lg border border-line bg-canvas/50 p-3 sm:p-4">
              <div className="mb-3 flex items-center justify-between gap-2">
                <span className="text-xs font-semibold tracking-wide text-fg-subtle uppercase">
                  {heading} {index + 1}
                </span>
                <ItemControls
                  kind={noun}
                  index={index}
                  count={items.length}
                  minimum={minimum}
                  idPrefix={controlsId(item)}
                  onMove={(by) => move(index, by)}
                  onRemove={() => remove(index)}
                />
              </div>
              <div className={`grid gap-3 ${gridClassName}`}>
                {fields.map((field) => (
                  <FormField
                    key={field.name}
                    id={idFor(fieldPath(item, field.name))}
                    label={field.label}
                    error={errorOf(fieldPath(item, field.name))}
                    hint={field.hint?.(index)}
                    className={field.className}
                  >
                    {(props) =>
                      field.multiline ? (
                        <textarea
                          {...props}
                          rows={2}
                          value={String(item[field.name] ?? "")}
                          onChange={(e) => edit(item, field, e.target.value)}
                          className={`${controlClasses} py-2`}
                        />
                      ) : (
                        <input
                          {...field.input}
                          {...props}
                          value={String(item[field.name] ?? "")}
                          onChange={(e) => edit(item, field, e.target.value)}
                          className={`${controlClasses} h-10${field.input?.type === "number" ? " tabular-nums" : ""}`}
                        />
                      )
                    }
                  </FormField>
                ))}
              </div>
            </li>
          ))}
        </ol>
        <Button
          id={idFor(`${path}.add`)}
          variant="secondary"
          size="sm"
          disabled={items.length >= max}
          onClick={() => {
            const item = newItem();
            onChange([...items, item]);
            clearError(path);
            focusAfterRender(idFor(fieldPath(item, "name")));
          }}
        >
          <PlusIcon className="size-4" />
          Add {noun}
        </Button>
      </CardBody>
    </Card>
  );
}
