import type { Resolvers } from '../generated/resolvers-types.js';
import { addProposal } from './add-proposal.js';
import { changeProjectStatus } from './change-project-status.js';
import { createConsultation } from './create-consultation.js';
import { proposeProject } from './propose-project.js';
import { recordExpenditure } from './record-expenditure.js';
import { recordTally } from './record-tally.js';
import { recordTransfer } from './record-transfer.js';
import { reverseExpenditure } from './reverse-expenditure.js';

/** Every write of the open books; each validates fully inside the write gate before it writes. */
export const mutationResolvers: Resolvers['Mutation'] = {
  recordTransfer: recordTransfer as never,
  proposeProject: proposeProject as never,
  changeProjectStatus: changeProjectStatus as never,
  createConsultation: createConsultation as never,
  addProposal: addProposal as never,
  recordTally: recordTally as never,
  recordExpenditure: recordExpenditure as never,
  reverseExpenditure: reverseExpenditure as never,
};
