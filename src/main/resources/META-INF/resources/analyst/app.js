// The analyst's page: versions, upload, findings, changed cells, simulation, regression, approval and a decision
// explorer, all through the service's /api/v1 in the session the user signs in to. Each panel is a module of its
// own; this one wires them up and starts the page in the user's language.
import { wireApproval } from './approval.js';
import { wireDecide } from './decide.js';
import { wireEditor } from './editor.js';
import { refreshExperiments, wireExperiments } from './experiments.js';
import { translatePage, wireLanguage } from './i18n.js';
import { wireRegression } from './regression.js';
import { resumeSession, wireSession } from './session.js';
import { wireSimulation } from './simulation.js';
import { wireUpload } from './upload.js';
import { refreshAll, wireVersions } from './versions.js';

async function start() {
  translatePage();
  wireLanguage(document.getElementById('lang'));
  wireSession(() => { refreshAll(); refreshExperiments(); });
  wireUpload();
  wireEditor();
  wireVersions();
  wireApproval();
  wireSimulation();
  wireRegression();
  wireExperiments();
  const example = wireDecide();
  if (await resumeSession()) {
    refreshAll();
    refreshExperiments();
  }
  await example;
  document.body.dataset.ready = 'true';
}

start();
