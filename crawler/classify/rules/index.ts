import type { Rule } from '../rule.ts';
import * as runsShellCommand from './runsShellCommand/index.ts';
import * as executesCode from './executesCode/index.ts';
import * as installsPackages from './installsPackages/index.ts';
import * as runsSqlQuery from './runsSqlQuery/index.ts';
import * as runsCiWorkflow from './runsCiWorkflow/index.ts';
import * as runsContainerImage from './runsContainerImage/index.ts';
import * as movesMoney from './movesMoney/index.ts';
import * as changesBilling from './changesBilling/index.ts';
import * as createsPayableObject from './createsPayableObject/index.ts';
import * as changesPermissions from './changesPermissions/index.ts';
import * as provisionsInfrastructure from './provisionsInfrastructure/index.ts';
import * as forwardsEventsToUrl from './forwardsEventsToUrl/index.ts';
import * as changesConfiguration from './changesConfiguration/index.ts';
import * as sendsMessages from './sendsMessages/index.ts';
import * as fetchesArbitraryUrl from './fetchesArbitraryUrl/index.ts';
import * as submitsInBrowser from './submitsInBrowser/index.ts';
import * as drivesBrowser from './drivesBrowser/index.ts';
import * as deletesData from './deletesData/index.ts';
import * as writesFiles from './writesFiles/index.ts';
import * as changesData from './changesData/index.ts';
import * as changesSessionState from './changesSessionState/index.ts';
import * as readsPrivateData from './readsPrivateData/index.ts';
import * as onlyReadsData from './onlyReadsData/index.ts';
import * as onlyComputes from './onlyComputes/index.ts';
import * as declaresReadOnlyButWrites from './declaresReadOnlyButWrites/index.ts';
import * as declaresNonDestructiveButDeletes from './declaresNonDestructiveButDeletes/index.ts';
import * as hasPoisonedDescription from './hasPoisonedDescription/index.ts';
import * as hasInvisibleCharacters from './hasInvisibleCharacters/index.ts';
import * as hasNoDescription from './hasNoDescription/index.ts';

/**
 * Every rule, listed by hand (no glob discovery). The order is the order of findings in a
 * classification, so it must only change on purpose: behaviour first, then reports.
 */
export const RULES: readonly Rule[] = [
  runsShellCommand,
  executesCode,
  installsPackages,
  runsSqlQuery,
  runsCiWorkflow,
  runsContainerImage,
  movesMoney,
  changesBilling,
  createsPayableObject,
  changesPermissions,
  provisionsInfrastructure,
  forwardsEventsToUrl,
  changesConfiguration,
  sendsMessages,
  fetchesArbitraryUrl,
  submitsInBrowser,
  drivesBrowser,
  deletesData,
  writesFiles,
  changesData,
  changesSessionState,
  readsPrivateData,
  onlyReadsData,
  onlyComputes,
  declaresReadOnlyButWrites,
  declaresNonDestructiveButDeletes,
  hasPoisonedDescription,
  hasInvisibleCharacters,
  hasNoDescription,
];
