import { load } from 'virtual:peer-data/floor-bare'
import type { Instrument } from '../../../src/core/instrument/meta-schema'
import { BareFloor } from '../../floor/bare-floor'
import { start } from './start'

// Today's floor of the form benchmark (bench/floor), on the instruments of the peers benchmark.
start<Instrument>(load, (instrument) => <BareFloor instrument={instrument} textDates />)
