import '../../../src/app/app.css'
import 'survey-core/survey-core.fontless.css'
import './peers.css'
import 'survey-core/i18n/dutch'
import { Model } from 'survey-core'
import { Survey } from 'survey-react-ui'
import { load } from 'virtual:peer-data/surveyjs'
import { Chrome } from './chrome'
import type { SurveyData } from './data'
import { start } from './start'

// survey-react-ui with its default theme (without web fonts: nothing may load from outside).
start<SurveyData>(load, ({ frame, survey }) => (
  <Chrome frame={frame}>
    <Survey model={new Model(survey)} />
  </Chrome>
))
