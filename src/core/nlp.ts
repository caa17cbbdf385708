/** The one wink-nlp instance factory: create once, pass it around. */
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

export type Nlp = ReturnType<typeof winkNLP>;

/** Creates the shared wink-nlp instance with the English lite web model. */
export function createNlp(): Nlp {
  return winkNLP(model);
}
