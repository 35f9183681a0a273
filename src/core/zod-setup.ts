import { z } from 'zod'

// Validators without `new Function`, so the app runs under a Content-Security-Policy without 'unsafe-eval'.
// Every module that builds a schema imports this first.
z.config({ jitless: true })
