// Screenshot tour in the light theme (see helpers/tour.mjs).
import { tourScenario } from '../helpers/tour.mjs';

export default tourScenario('Default Light Modern', 'tour-light');
