// Mantine's PostCSS preset: rtl()/ltr() mixins and rem() for our own CSS modules.
module.exports = {
  plugins: {
    'postcss-preset-mantine': {},
  },
};
