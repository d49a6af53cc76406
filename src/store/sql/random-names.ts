import { randomBytes, randomInt } from 'node:crypto';

// prettier-ignore
const ADJECTIVES = [
  'abundant', 'agreeable', 'amazing', 'bemused', 'big', 'bold', 'brave', 'bright', 'calm', 'capable', 'clean',
  'clever', 'crawling', 'dapper', 'delicate', 'enchanting', 'fun', 'funny', 'gentle', 'glamorous', 'gregarious',
  'honorable', 'industrious', 'kindly', 'learned', 'legendary', 'loud', 'luminous', 'magnificent', 'merciful',
  'nebulous', 'orderly', 'peaceful', 'polite', 'redolent', 'rogue', 'salty', 'secretive', 'sedate', 'shivering',
  'skillful', 'smiling', 'spiffy', 'stately', 'suave', 'thundering', 'traveling', 'unequaled', 'upbeat',
  'valuable', 'victorious', 'vaunted', 'welcoming', 'whimsical', 'wise', 'worried', 'youthful', 'zealous',
];
// prettier-ignore
const NOUNS = [
  'ant', 'ape', 'asp', 'bass', 'bat', 'bear', 'bee', 'bird', 'boar', 'bug', 'calf', 'carp', 'cat', 'chimp',
  'cod', 'colt', 'conch', 'cow', 'crab', 'crane', 'croc', 'crow', 'cub', 'deer', 'doe', 'dog', 'dolphin',
  'donkey', 'dove', 'duck', 'eel', 'elk', 'fawn', 'finch', 'fish', 'flea', 'fly', 'foal', 'fowl', 'fox', 'frog',
  'gnat', 'gnu', 'goat', 'goose', 'grouse', 'grub', 'gull', 'hare', 'hawk', 'hen', 'hog', 'horse', 'hound',
  'jay', 'kit', 'kite', 'koi', 'lamb', 'lark', 'loon', 'lynx', 'mare', 'midge', 'mink', 'mole', 'moose', 'moth',
  'mouse', 'mule', 'newt', 'owl', 'ox', 'panda', 'penguin', 'perch', 'pig', 'pug', 'quail', 'ram', 'rat', 'ray',
  'robin', 'roo', 'rook', 'seal', 'shad', 'shark', 'sheep', 'shoat', 'shrew', 'shrike', 'shrimp', 'skink',
  'skunk', 'sloth', 'slug', 'smelt', 'snail', 'snake', 'snipe', 'sow', 'sponge', 'squid', 'squirrel', 'stag',
  'steed', 'stoat', 'stork', 'swan', 'tern', 'toad', 'trout', 'turtle', 'vole', 'wasp', 'whale', 'wolf', 'worm',
  'wren', 'yak', 'zebra',
];

function pick(words: readonly string[]): string {
  return words[randomInt(words.length)] ?? 'run';
}

/**
 * A random `adjective-noun-NNN` name, the shape MLflow gives unnamed runs and logged models.
 *
 * @example randomName() // 'bold-owl-417'
 */
export function randomName(): string {
  return `${pick(ADJECTIVES)}-${pick(NOUNS)}-${randomInt(1000)}`;
}

/**
 * A 32-character lowercase hex id (uuid4 hex, as MLflow's run ids).
 *
 * @example randomHexId().length // 32
 */
export function randomHexId(): string {
  return randomBytes(16).toString('hex');
}
