import type { ErrorCode } from 'yaml';

/** Chinese clause and remedy for each error code of the `yaml` parser. */
export const YamlErrorText: Record<ErrorCode, { message: string; hint?: string }> = {
  ALIAS_PROPS: { message: '别名（*name）不能带锚点或标签' },
  BAD_ALIAS: { message: '别名引用了不存在的锚点', hint: '先用 &name 定义锚点，再用 *name 引用' },
  BAD_DIRECTIVE: { message: '无法识别的 % 指令', hint: '删除以 % 开头的行' },
  BAD_DQ_ESCAPE: { message: '双引号字符串中有无效的转义（\\）', hint: '反斜杠写作 \\\\，或改用单引号' },
  BAD_INDENT: { message: '缩进不正确', hint: '同一层的字段应对齐，下一层多缩进两个空格' },
  BAD_PROP_ORDER: { message: '锚点和标签应写在值的前面' },
  BAD_SCALAR_START: { message: '值不能以这个符号开头', hint: '以 @、`、| 、> 等符号开头的文字请加引号' },
  BLOCK_AS_IMPLICIT_KEY: { message: '字段名不能是多行内容' },
  BLOCK_IN_FLOW: { message: '花括号或方括号内不能换行写列表或映射' },
  DUPLICATE_KEY: { message: '字段重复' },
  IMPOSSIBLE: { message: '无法解析' },
  KEY_OVER_1024_CHARS: { message: '字段名超过 1024 个字符' },
  MISSING_CHAR: { message: '缺少符号（如冒号、引号或闭合括号）', hint: '检查引号和括号是否成对，字段名后是否有“: ”' },
  MULTILINE_IMPLICIT_KEY: { message: '字段名不能跨行，或上一行缺少冒号', hint: '检查上一行的“字段: 值”格式' },
  MULTIPLE_ANCHORS: { message: '一个值只能有一个锚点' },
  MULTIPLE_DOCS: { message: '一个文件只能有一张表（出现了第二个 ---）', hint: '每张表单独一个文件' },
  MULTIPLE_TAGS: { message: '一个值只能有一个标签' },
  NON_STRING_KEY: { message: '字段名应为文本' },
  RESOURCE_EXHAUSTION: { message: '嵌套过深或内容过于复杂' },
  TAB_AS_INDENT: { message: '不能用制表符（Tab）缩进', hint: '请用空格缩进' },
  TAG_RESOLVE_FAILED: { message: '不支持的标签，已按文本处理' },
  UNEXPECTED_TOKEN: { message: '多余或位置不对的内容', hint: '含“: ”“ #”等符号的文字请加引号' },
  BAD_COLLECTION_TYPE: { message: '标签与内容的类型不符' },
};
