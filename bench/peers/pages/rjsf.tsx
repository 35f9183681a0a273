import '../../../src/app/app.css'
import './peers.css'
import Form from '@rjsf/core'
import type { RJSFSchema, UiSchema } from '@rjsf/utils'
import validator from '@rjsf/validator-ajv8'
import { load } from 'virtual:peer-data/rjsf'
import { Chrome } from './chrome'
import type { RjsfData } from './data'
import { start } from './start'

// @rjsf/core with its AJV 8 validator and default theme, uncontrolled (rjsf keeps the form data).
start<RjsfData>(load, ({ frame, form }) => (
  <Chrome frame={frame}>
    <Form
      schema={form.schema as RJSFSchema}
      uiSchema={form.uiSchema as UiSchema}
      formData={form.formData}
      validator={validator}
      // The first option of each choice unticked, as on our form (rjsf's default ticks it).
      experimental_defaultFormStateBehavior={{ constAsDefaults: 'skipOneOf' }}
    />
  </Chrome>
))
