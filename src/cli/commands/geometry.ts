/** The commands about the shape of the BCE set (src/geometry/). */

export { projectCommand } from './project.js';
export { verticesCommand } from './vertices.js';
