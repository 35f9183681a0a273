import { z } from 'zod'

// Validators without `new Function`, so the app runs under a Content-Security-Policy without 'unsafe-eval'.
z.config({ jitless: true })
