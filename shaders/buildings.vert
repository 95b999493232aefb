// Buildings of the wall view (day and night share one program; uNight blends the looks).
// _feature_id_0: EXT_mesh_features feature index of the vertex (row of the tile's property table).
// aHeight: x = height of the vertex above its building's base (m), y = the building's height (m).
attribute float _feature_id_0;
attribute vec2 aHeight;
uniform sampler2D uFeatureColors; // one texel per feature: overlay colour, alpha 0 = none
uniform float uFeatureTexWidth;
varying vec3 vWorldPos;
varying vec3 vNormalW;
varying vec2 vHeight;
varying vec4 vOverlay;
varying float vHash;
#include <logdepthbuf_pars_vertex>

void main() {
  int id = int(_feature_id_0 + 0.5);
  int w = int(uFeatureTexWidth);
  vOverlay = texelFetch(uFeatureColors, ivec2(id % w, id / w), 0);
  vHeight = aHeight;
  vHash = fract(sin(float(id) * 12.9898 + 78.233) * 43758.5453);
  vec4 world = modelMatrix * vec4(position, 1.0);
  vWorldPos = world.xyz;
  vNormalW = normalize(mat3(modelMatrix) * normal);
  gl_Position = projectionMatrix * viewMatrix * world;
  #include <logdepthbuf_vertex>
}
