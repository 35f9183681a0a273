import type { ValidationIssue } from '../core/issues/validation-issue'
import { useText } from '../i18n/text'

/** Every problem of a file or record, each with its JSON path, in the screen's language. */
export function IssueList({ issues }: { issues: readonly ValidationIssue[] }) {
  const { l } = useText()
  return (
    <ul>
      {issues.map((i, k) => (
        <li key={k}>
          <code>{i.path}</code> {l(i.message)}
        </li>
      ))}
    </ul>
  )
}
