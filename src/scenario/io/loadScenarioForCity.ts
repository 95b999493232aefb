import { readFileSync } from 'node:fs';
import { openCityPackage } from '../../pipeline/package/openCityPackage';
import { scenarioCity, type ScenarioCity } from '../city/ScenarioCity';
import { loadScenarioFile, type LoadedScenario } from './loadScenarioFile';

/** The `city` a scenario file names (before validation), or null when it names none readable. */
function cityNameOf(file: string): string | null {
  try {
    const v = (JSON.parse(readFileSync(file, 'utf8')) as { city?: unknown }).city;
    return typeof v === 'string' && /^[a-z0-9][a-z0-9-]{0,63}$/.test(v) ? v : null;
  } catch {
    return null;
  }
}

/**
 * Node only: reads a scenario file, opens the city package it names (tilesets/<city>) and validates
 * the scenario against it (schema, semantics, the city's ids and extent). A file that names no
 * valid city gets the schema's errors; a missing package an error saying how to build it.
 */
export async function loadScenarioForCity(file: string): Promise<LoadedScenario & { city: ScenarioCity | null }> {
  const name = cityNameOf(file);
  if (name === null) return { ...loadScenarioFile(file), city: null };
  const city = await scenarioCity(name, openCityPackage).catch((err: Error) => {
    throw new Error(`${file}: $.city: ${err.message}`);
  });
  return { ...loadScenarioFile(file, city.index), city };
}
