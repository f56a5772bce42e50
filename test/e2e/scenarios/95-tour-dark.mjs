// Screenshot tour in the dark theme (see helpers/tour.mjs).
import { tourScenario } from '../helpers/tour.mjs';

export default tourScenario('Default Dark Modern', 'tour-dark');
