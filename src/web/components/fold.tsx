import type { Child } from 'hono/jsx';
import { Icon } from './icon.tsx';

// A section that folds on a phone, as DKFDS's accordion looks, built on <details>/<summary> so it opens
// and closes without JavaScript (the case page: spec: Staff pages). From 768 px every section shows,
// folded or not (app.css). The heading sits in the summary; a section component that brings its own first
// heading has it hidden inside, so the page keeps one heading per section. (Not DKFDS's `accordion`
// class: its script wants the JavaScript accordion's buttons.)

export function Fold({
  id,
  title,
  open = false,
  children,
}: {
  id?: string | undefined;
  title: string;
  /** Open when the page loads: the most used section, or one with a message to read. */
  open?: boolean;
  children: Child;
}) {
  return (
    <details class="fold" id={id} open={open}>
      <summary class="accordion-button fold-summary">
        <Icon name="plus" class="fold-icon fold-icon--closed" />
        <Icon name="minus" class="fold-icon fold-icon--open" />
        <h2 class="accordion-title fold-title">{title}</h2>
      </summary>
      <div class="accordion-content fold-content">{children}</div>
    </details>
  );
}
