import type { PeerFrame } from '../content'

/** What the rjsf page loads for one size. */
export interface RjsfData {
  frame: PeerFrame
  form: { schema: object; uiSchema: object; formData: object }
}

/** What the SurveyJS page loads for one size. */
export interface SurveyData {
  frame: PeerFrame
  survey: object
}
