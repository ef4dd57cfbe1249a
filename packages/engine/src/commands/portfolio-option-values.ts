import type { AllocationMethod, MeanMethod, ReturnKind, RiskModelMethod } from "@scrilla/core";

/** Values of the portfolio-builder options, shared by the options schema, the CLI and the Lambda (no runtime imports). */
export const RETURNS_CHOICES = ["log", "simple"] as const satisfies readonly ReturnKind[];
export const MEAN_CHOICES = ["gbm", "arithmetic", "geometric", "ewma", "capm"] as const satisfies readonly MeanMethod[];
export const RISK_MODEL_CHOICES = [
  "sample",
  "semicov",
  "ewma",
  "ledoit-wolf",
  "ledoit-wolf-single-factor",
  "ledoit-wolf-constant-correlation",
  "oas",
] as const satisfies readonly RiskModelMethod[];
export const ALLOCATION_CHOICES = ["truncate", "greedy", "exact"] as const satisfies readonly AllocationMethod[];

export type ReturnsChoice = (typeof RETURNS_CHOICES)[number];
export type MeanChoice = (typeof MEAN_CHOICES)[number];
export type RiskModelChoice = (typeof RISK_MODEL_CHOICES)[number];
export type AllocationChoice = (typeof ALLOCATION_CHOICES)[number];
