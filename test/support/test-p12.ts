/** The test certificate maker lives with the benchmark, which signs a batch with it too. */
export { CHINESE_CN, TEST_P12_PASSWORD, makeTestP12, type TestP12 } from '../../src/bench/make-test-p12.js';
