// Buildings of the wall view (day and night share one program; uNight blends the looks).
// _city_index: the building's index in the city (the tiles' _CITY_INDEX attribute): its texel in
// the city-wide colour state texture (-1: unknown, no overlay colour).
// aHeight: x = height of the vertex above its building's base (m), y = the building's height (m).
// A texel whose alpha byte is 1 (HIDDEN_ALPHA) hides its building: every vertex goes outside the
// clip volume, so its triangles are dropped before rasterising.
attribute float _city_index;
attribute vec2 aHeight;
uniform sampler2D uState; // one texel per building: overlay colour, alpha 0 = none
uniform vec2 uStateSize;  // texels per row, rows
varying vec3 vWorldPos;
varying vec3 vNormalW;
varying vec2 vHeight;
varying vec4 vOverlay;
varying float vHash;
#include <logdepthbuf_pars_vertex>
#include <clipping_planes_pars_vertex>

void main() {
  int id = int(floor(_city_index + 0.5));
  int w = int(uStateSize.x);
  vOverlay = id >= 0 ? texelFetch(uState, ivec2(id % w, id / w), 0) : vec4(0.0);
  if (abs(vOverlay.a * 255.0 - 1.0) < 0.5) {
    gl_Position = vec4(0.0, 0.0, 2.0, 1.0);
    return;
  }
  vHeight = aHeight;
  vHash = fract(sin(float(id) * 12.9898 + 78.233) * 43758.5453);
  vec4 world = modelMatrix * vec4(position, 1.0);
  vWorldPos = world.xyz;
  vNormalW = normalize(mat3(modelMatrix) * normal);
  vec4 mvPosition = viewMatrix * world;
  gl_Position = projectionMatrix * mvPosition;
  #include <logdepthbuf_vertex>
  #include <clipping_planes_vertex>
}
