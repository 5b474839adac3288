// Local Nx plugin: every project (a folder with a project.json) gets the targets the whole workspace shares. Their
// commands, inputs, outputs and caching live in nx.json `targetDefaults`; the plugin only declares that each project
// has them, so a new library cannot be left out of `nx affected`.
const { readFileSync } = require('node:fs');
const path = require('node:path');

// test/ holds the end-to-end tests and their support code: checked and tested, never shipped, so never built.
const notShipped = 'type:test-support';

module.exports.createNodes = [
  '**/project.json',
  async (projectFiles, _options, context) =>
    projectFiles.map((projectFile) => {
      const project = JSON.parse(readFileSync(path.join(context.workspaceRoot, projectFile), 'utf8'));
      const shipped = !(project.tags ?? []).includes(notShipped);
      const targets = [...(shipped ? ['build'] : []), 'typecheck', 'lint', 'test'];
      return [
        projectFile,
        {
          projects: {
            [path.dirname(projectFile)]: { targets: Object.fromEntries(targets.map((target) => [target, {}])) },
          },
        },
      ];
    }),
];
