import { MentoringFiguresRepository } from '../figures/mentoring-figures.repository.js';
import { MentoringFiguresResolver } from '../figures/mentoring-figures.resolver.js';
import { MentoringFiguresService } from '../figures/mentoring-figures.service.js';
import { IntroductionRepository } from './introduction.repository.js';
import { IntroductionsService } from './introductions.service.js';
import { NetworkRepository } from './network.repository.js';
import { NetworkResolver } from './network.resolver.js';
import { NetworkService } from './network.service.js';

/** The network map, introductions and the staff figures, for the api's MentoringModule (one line there, for easy merges). */
export const MENTORING_NETWORK_PROVIDERS = [
  NetworkRepository,
  IntroductionRepository,
  NetworkService,
  IntroductionsService,
  NetworkResolver,
  MentoringFiguresRepository,
  MentoringFiguresService,
  MentoringFiguresResolver,
];
