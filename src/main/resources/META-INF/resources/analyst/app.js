// The analyst's page: versions, upload, findings, changed cells, simulation, regression, approval and a decision
// explorer, all through the service's /api/v1 with the bearer token the user pastes. Each panel is a module of its
// own; this one wires them up and starts the page.
import { wireApproval } from './approval.js';
import { wireDecide } from './decide.js';
import { wireRegression } from './regression.js';
import { resumeSession, wireSession } from './session.js';
import { wireSimulation } from './simulation.js';
import { wireUpload } from './upload.js';
import { refreshAll, wireVersions } from './versions.js';

async function start() {
  wireSession(refreshAll);
  wireUpload();
  wireVersions();
  wireApproval();
  wireSimulation();
  wireRegression();
  const example = wireDecide();
  resumeSession();
  refreshAll();
  await example;
  document.body.dataset.ready = 'true';
}

start();
