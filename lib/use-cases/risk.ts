// EU AI Act style risk screening: a questionnaire whose "yes" answers fire rules. The
// highest tier that fires wins; the rule that decided it is stored and shown ("high:
// used in hiring decisions"). Prohibited practices cannot be submitted at all.
export const RISK_TIERS = ["prohibited", "high", "limited", "minimal"] as const;
export type RiskTierName = (typeof RISK_TIERS)[number];

export interface RiskQuestion {
  key: string;
  tier: Exclude<RiskTierName, "minimal">;
  question: string;
  /** What the rule says when it fires, after the tier: "high: used in hiring decisions". */
  rule: string;
}

export const RISK_QUESTIONS: RiskQuestion[] = [
  { key: "socialScoring", tier: "prohibited", question: "Does it score people's social behaviour or personal traits for general treatment (social scoring)?", rule: "social scoring of people" },
  { key: "manipulation", tier: "prohibited", question: "Does it use subliminal or manipulative techniques that distort people's behaviour to their harm?", rule: "manipulative techniques that distort behaviour" },
  { key: "exploitsVulnerable", tier: "prohibited", question: "Does it exploit vulnerabilities due to age, disability or social or economic situation?", rule: "exploits vulnerable groups" },
  { key: "realtimeBiometricPublic", tier: "prohibited", question: "Does it identify people by biometrics in real time in publicly accessible spaces?", rule: "real-time remote biometric identification in public" },
  { key: "employment", tier: "high", question: "Is it used in recruitment, hiring, promotion, task allocation or termination decisions?", rule: "used in hiring decisions" },
  { key: "credit", tier: "high", question: "Does it assess creditworthiness, credit scores or life and health insurance pricing?", rule: "used in credit or insurance decisions" },
  { key: "education", tier: "high", question: "Does it decide admission to, or assess students in, education or vocational training?", rule: "used in education admission or grading" },
  { key: "essentialServices", tier: "high", question: "Does it decide access to essential services (public benefits, healthcare, utilities, emergency response)?", rule: "decides access to essential services" },
  { key: "biometricId", tier: "high", question: "Does it identify or categorise people from biometric data (outside real-time public use)?", rule: "biometric identification or categorisation" },
  { key: "criticalInfrastructure", tier: "high", question: "Is it a safety component of critical infrastructure (energy, water, transport, digital)?", rule: "safety component of critical infrastructure" },
  { key: "lawEnforcement", tier: "high", question: "Is it used in law enforcement, migration, border control or the administration of justice?", rule: "used in law enforcement, migration or justice" },
  { key: "chatbot", tier: "limited", question: "Do people interact with it directly (a chatbot or assistant)?", rule: "people interact with an AI system and must be told so" },
  { key: "generatesContent", tier: "limited", question: "Does it generate or alter text, images, audio or video that people will see?", rule: "generates content that must be labelled as AI-generated" },
  { key: "emotionRecognition", tier: "limited", question: "Does it recognise emotions or intentions from people's expressions or voice?", rule: "emotion recognition: people must be informed" },
];

export const RISK_QUESTION_KEYS = RISK_QUESTIONS.map((q) => q.key);

export type RiskAnswers = Partial<Record<string, boolean>>;

export interface Screening {
  tier: RiskTierName;
  /** The deciding rule, e.g. "high: used in hiring decisions". */
  rule: string;
  /** Every rule that fired, highest tier first. */
  fired: string[];
}

const RANK: Record<RiskTierName, number> = { prohibited: 0, high: 1, limited: 2, minimal: 3 };

export function screenRisk(answers: RiskAnswers): Screening {
  const fired = RISK_QUESTIONS.filter((q) => answers[q.key] === true).sort((a, b) => RANK[a.tier] - RANK[b.tier]);
  const top = fired[0];
  if (!top) return { tier: "minimal", rule: "minimal: no screening question applies", fired: [] };
  return { tier: top.tier, rule: `${top.tier}: ${top.rule}`, fired: fired.map((q) => `${q.tier}: ${q.rule}`) };
}
