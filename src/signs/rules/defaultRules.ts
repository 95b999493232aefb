import rulesJson from '../../../config/signs/rules.json';
import { parseRuleConfig } from './parseRuleConfig';
import type { RuleConfig } from './SignsRule';

/** The shipped rules (config/signs/rules.json), validated at first use. */
export function defaultRules(): RuleConfig {
  return parseRuleConfig(rulesJson, 'config/signs/rules.json');
}
