/** The one wink-nlp instance factory: create once, pass it around. */
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

export type Nlp = ReturnType<typeof winkNLP>;

/**
 * The annotations the project reads: sentence boundaries and parts of speech (lemmas follow from
 * the part of speech). wink's default pipe also finds named entities, negation and sentiment,
 * which no reader here asks for; none of the three changes a token, tag, lemma or sentence span,
 * and together they cost about a third of `readDoc`.
 */
export const PIPE = ['sbd', 'pos'];

/** Creates the shared wink-nlp instance with the English lite web model. */
export function createNlp(): Nlp {
  return winkNLP(model, PIPE);
}
